package org.openst.support.config;

/**
 * A configuration value that is refused: which key, and why. An {@link IllegalArgumentException},
 * so settings records that validate themselves can throw it from their constructors.
 */
public final class InvalidConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final String why;

    /**
     * @param key the configuration key as written in a .cfg file ({@code max.frame.size})
     * @param why what is wrong, including the refused value ("must be 0..65535, not 70000")
     */
    public InvalidConfigException(String key, String why) {
        super(key + " " + why);
        this.key = key;
        this.why = why;
    }

    public String key() {
        return key;
    }

    public String why() {
        return why;
    }
}
