package org.openst.protocol;

/**
 * SET_PRIVACY_LIST {@code 0x000B} (§3.12, both directions).
 *
 * @param privacy the complete list (null becomes allow-all)
 */
public record SetPrivacyList(PrivacyInfo privacy) implements Message {

    /** Defaults a null list. */
    public SetPrivacyList {
        privacy = privacy == null ? PrivacyInfo.allowAll() : privacy;
    }

    @Override
    public int type() {
        return MessageType.SET_PRIVACY_LIST;
    }

    @Override
    public int channel() {
        return 0;
    }

    static SetPrivacyList readBody(WireReader r) {
        return new SetPrivacyList(PrivacyInfo.read(r));
    }

    void writeBody(WireWriter w) {
        privacy.write(w);
    }
}
