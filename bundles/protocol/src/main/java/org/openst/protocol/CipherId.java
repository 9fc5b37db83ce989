package org.openst.protocol;

/** {@link EncryptItem#cipherId()} values (§1.2.7). */
public final class CipherId {
    /** §1.2.7/§5.7 RC2 with a 5-byte key taken from the login IDs; item info empty. */
    public static final int RC2_40 = 0x0000;
    /** §1.2.7/§5.7 RC2 with a 16-byte Diffie-Hellman key; item info = DH public key. */
    public static final int RC2_128 = 0x0001;

    private CipherId() {
    }
}
