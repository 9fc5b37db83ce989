package org.openst.protocol;

/** {@link Login#authType()} values (§3.3, §4). */
public final class AuthType {
    /** §4.7 plain; layout unknown, never sent by Meanwhile. */
    public static final int PLAIN = 0x0000;
    /** §4.7 token; layout unknown, never sent by Meanwhile. */
    public static final int TOKEN = 0x0001;
    /** §4.6 RC2/40 with a transmitted 5-byte key ("encrypt"). */
    public static final int RC2_40 = 0x0002;
    /** §4.5 RC2/128 keyed by Diffie-Hellman with the HANDSHAKE_ACK key. */
    public static final int RC2_128 = 0x0004;

    private AuthType() {
    }
}
