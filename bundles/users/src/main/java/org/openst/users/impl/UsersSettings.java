package org.openst.users.impl;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The configuration of PID {@value UsersAuthority#PID}, checked. {@link #from} refuses a bad value
 * with an {@link IllegalArgumentException} whose message starts with the key.
 *
 * @param tokenKey the configured signing key, or null to use the stored one
 */
record UsersSettings(boolean guestsEnabled, String guestName, Set<Integer> guestServices, Duration defaultValidity,
        Duration maxValidity, byte[] tokenKey) {

    static final int MAX_GUEST_NAME = 64;
    static final String DEFAULT_GUEST_NAME = "Guest";

    static UsersSettings from(UsersAuthority.Config config) {
        String guestName = config.guest_name() == null || config.guest_name().isBlank() ? DEFAULT_GUEST_NAME
                : config.guest_name().strip();
        if (guestName.codePointCount(0, guestName.length()) > MAX_GUEST_NAME) {
            throw new IllegalArgumentException("guest.name: longer than " + MAX_GUEST_NAME + " characters");
        }
        Set<Integer> services = serviceTypes("guests.services", config.guests_services());
        long validity = config.token_validity_minutes();
        long max = config.token_max_validity_minutes();
        if (max <= 0 || max > Duration.ofDays(3650).toMinutes()) {
            throw new IllegalArgumentException("token.max.validity.minutes: " + max + " is not between 1 and 5256000 (ten years)");
        }
        if (validity <= 0 || validity > max) {
            throw new IllegalArgumentException("token.validity.minutes: " + validity
                    + " is not between 1 and token.max.validity.minutes (" + max + ")");
        }
        byte[] key = null;
        String keyText = config._token_key();
        if (keyText != null && !keyText.isBlank()) {
            try {
                key = SigningKeySource.decode(keyText);
            } catch (IllegalArgumentException e) {
                // Never echo the value: it is a secret.
                throw new IllegalArgumentException(".token.key: " + e.getMessage()
                        + " (generate one with: openssl rand -base64 32)");
            }
        }
        return new UsersSettings(config.guests_enabled(), guestName, services, Duration.ofMinutes(validity),
                Duration.ofMinutes(max), key);
    }

    /**
     * Service types (protocol spec §6.0) as hex ({@code 0x1000}) or decimal ({@code 4096}) numbers.
     * Each value may itself list several, separated by commas or blanks, because a {@code .cfg} file
     * can only give one string.
     */
    static Set<Integer> serviceTypes(String key, String[] values) {
        Set<Integer> types = new LinkedHashSet<>();
        for (String value : values == null ? new String[0] : values) {
            for (String item : value.split("[,\\s]+")) {
                if (!item.isEmpty()) {
                    types.add(serviceType(key, item));
                }
            }
        }
        return Set.copyOf(types);
    }

    private static int serviceType(String key, String item) {
        long value;
        try {
            boolean hex = item.startsWith("0x") || item.startsWith("0X");
            value = hex ? Long.parseLong(item.substring(2), 16) : Long.parseLong(item);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + item + "' is not a service type (write 0x1000 or 4096)");
        }
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(key + ": '" + item + "' is not a 32-bit unsigned service type");
        }
        return (int) value;
    }
}
