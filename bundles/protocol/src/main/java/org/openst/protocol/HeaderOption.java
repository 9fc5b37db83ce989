package org.openst.protocol;

/** Bits of the message header's {@code options} field (§2.1). */
public final class HeaderOption {
    /** §2.1/§5.7: the data opaque of a CHANNEL_SEND is encrypted with the channel cipher. */
    public static final int ENCRYPT = 0x4000;
    /** §2.1: an attribute opaque follows the header's channel field; parsed and ignored. */
    public static final int HAS_ATTRIBS = 0x8000;

    private HeaderOption() {
    }
}
