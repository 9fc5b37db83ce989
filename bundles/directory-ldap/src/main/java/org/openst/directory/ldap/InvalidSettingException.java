package org.openst.directory.ldap;

/** A configuration value that cannot be used: names the key and why, for the one log line. */
final class InvalidSettingException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String key;

    InvalidSettingException(String key, String why) {
        super(key + ": " + why);
        this.key = key;
    }

    String key() {
        return key;
    }
}
