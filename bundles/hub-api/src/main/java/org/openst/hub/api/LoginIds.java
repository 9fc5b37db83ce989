package org.openst.hub.api;

/**
 * The shape of login IDs: {@code <unique part>#<hub ID>}.
 *
 * <p>The unique part comes first and is at least 8 characters long because Meanwhile clients key
 * RC2/40 channel encryption on the first 5 bytes of a login ID (protocol spec §5.7), so those
 * bytes must differ between logins. The hub ID after the last {@code #} lets a router find the
 * hub that holds a login without a directory look-up. Hub IDs never contain {@code #}.
 */
public final class LoginIds {
    /** Separates the unique part from the hub ID. */
    public static final char HUB_SEPARATOR = '#';

    private LoginIds() {
    }

    /** Builds a login ID from its unique part and the hub ID. */
    public static String of(String uniquePart, String hubId) {
        if (uniquePart.length() < 5 || uniquePart.indexOf(HUB_SEPARATOR) >= 0) {
            throw new IllegalArgumentException("unique part must be >= 5 characters without '#': " + uniquePart);
        }
        requireValidHubId(hubId);
        return uniquePart + HUB_SEPARATOR + hubId;
    }

    /** True when the string has the shape of a login ID (it may still name no live login). */
    public static boolean isLoginId(String candidate) {
        int at = candidate == null ? -1 : candidate.lastIndexOf(HUB_SEPARATOR);
        return at >= 5 && at < candidate.length() - 1;
    }

    /** The hub that holds the login, or throws if the string is not a login ID. */
    public static String hubOf(String loginId) {
        if (!isLoginId(loginId)) {
            throw new IllegalArgumentException("not a login ID: " + loginId);
        }
        return loginId.substring(loginId.lastIndexOf(HUB_SEPARATOR) + 1);
    }

    /** Checks a configured hub ID: non-empty, no '#', no whitespace. */
    public static String requireValidHubId(String hubId) {
        if (hubId == null || hubId.isEmpty() || hubId.indexOf(HUB_SEPARATOR) >= 0
                || hubId.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("hub ID must be non-empty without '#' or whitespace: '" + hubId + "'");
        }
        return hubId;
    }
}
