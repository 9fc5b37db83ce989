package org.openst.bench.load;

/**
 * The benchmark's user names: {@code u00000}, {@code u00001}, ... with password {@code pw-<id>}.
 * The coordinator writes the same users into the hub's users file.
 */
public final class Users {
    private Users() {
    }

    public static String id(int index) {
        return String.format("u%05d", index);
    }

    public static String password(String userId) {
        return "pw-" + userId;
    }

    public static String displayName(int index) {
        return String.format("Bench User %05d", index);
    }
}
