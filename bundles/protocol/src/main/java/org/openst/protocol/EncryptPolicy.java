package org.openst.protocol;

/** Policy values of the {@code mode}/{@code extra} fields of encryption offers and accepts (§5.4). */
public final class EncryptPolicy {
    /** §5.4 no encryption offered / chosen. */
    public static final int NONE = 0x0000;
    /** §5.4 any offered cipher is fine (Meanwhile's own offers). */
    public static final int WHATEVER = 0x0001;
    /** §5.4 encrypt with any cipher. */
    public static final int ALL = 0x0002;
    /** §5.4 RC2/40 required (offer) or chosen (accept). */
    public static final int RC2_40 = 0x1000;
    /** §5.4 RC2/128 required (offer) or chosen (accept). */
    public static final int RC2_128 = 0x2000;

    private EncryptPolicy() {
    }
}
