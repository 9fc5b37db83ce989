package org.openst.support.config;

import java.util.Locale;
import java.util.Set;

/**
 * The rules single configuration keys follow, each returning the value it accepts or throwing
 * {@link InvalidConfigException} naming the key, the rule and the refused value. Bounds match the
 * {@code min}/{@code max} of the key's metatype attribute definition.
 */
public final class ConfigChecks {

    private ConfigChecks() {
    }

    public static int atLeast(String key, int value, int min) {
        if (value < min) {
            throw new InvalidConfigException(key, "must be at least " + min + ", not " + value);
        }
        return value;
    }

    public static long atLeast(String key, long value, long min) {
        if (value < min) {
            throw new InvalidConfigException(key, "must be at least " + min + ", not " + value);
        }
        return value;
    }

    public static int between(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidConfigException(key, "must be " + min + ".." + max + ", not " + value);
        }
        return value;
    }

    public static long between(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidConfigException(key, "must be " + min + ".." + max + ", not " + value);
        }
        return value;
    }

    /** A text that must not be empty or blank; returned stripped. */
    public static String notBlank(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidConfigException(key, "must not be empty");
        }
        return value.strip();
    }

    /** One of the allowed words, compared ignoring case; returned in lower case. */
    public static String oneOf(String key, String value, Set<String> allowed) {
        String word = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (!allowed.contains(word)) {
            throw new InvalidConfigException(key, "must be one of " + String.join(", ", allowed.stream().sorted().toList())
                    + ", not '" + value + "'");
        }
        return word;
    }
}
