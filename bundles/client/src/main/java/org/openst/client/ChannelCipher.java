package org.openst.client;

/** The cipher negotiated on an IM channel (§5.6, §5.7). */
public enum ChannelCipher {
    /** No encryption: CHANNEL_SEND payloads travel in clear. */
    NONE,
    /** RC2 with a 5-byte key taken from the login IDs of both ends (cipher id 0). */
    RC2_40,
    /** RC2 with a 16-byte key agreed with Diffie-Hellman (cipher id 1). */
    RC2_128
}
