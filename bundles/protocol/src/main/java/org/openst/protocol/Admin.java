package org.openst.protocol;

/**
 * ADMIN {@code 0x0019} (§3.14, S→C): administrator broadcast. Null text becomes "".
 *
 * @param text the announcement
 */
public record Admin(String text) implements Message {

    /** Normalises null. */
    public Admin {
        text = Strings.orEmpty(text);
    }

    @Override
    public int type() {
        return MessageType.ADMIN;
    }

    @Override
    public int channel() {
        return 0;
    }

    static Admin readBody(WireReader r) {
        return new Admin(r.str());
    }

    void writeBody(WireWriter w) {
        w.str(text);
    }
}
