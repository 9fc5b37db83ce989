package org.openst.protocol.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Per-channel RC2 keys (§5.7). Each direction of a channel needs its own {@link Rc2Stream}.
 */
public final class ChannelKeys {
    /** §5.7 RC2/40 keys are the first 5 bytes of a login ID. */
    public static final int RC2_40_KEY_BYTES = 5;

    private ChannelKeys() {
    }

    /**
     * The RC2/40 key of a login (§5.7): a client encrypts with its own login ID's key and
     * decrypts with its peer's.
     *
     * <p>Login IDs shorter than 5 bytes are zero-padded. Meanwhile reads 5 bytes regardless of
     * length (§1.2.1), so its result for such IDs depends on memory past the string; the server
     * therefore assigns login IDs of at least 5 ASCII bytes and never hits this case.
     *
     * @param loginId a login ID (null is treated as "")
     * @return 5 key bytes: the first 5 UTF-8 bytes of the ID, zero-padded
     */
    public static byte[] rc2_40Key(String loginId) {
        byte[] id = loginId == null ? new byte[0] : loginId.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(id, RC2_40_KEY_BYTES);
    }

    /**
     * The RC2/128 key of a channel (§5.7): the same in both directions.
     *
     * @param own this side's channel key pair (one per session)
     * @param peerPublic the DH public key from the peer's offer or accept item
     * @return 16 key bytes
     * @throws IllegalArgumentException if the peer key is ≤ 1 or ≥ p−1
     */
    public static byte[] rc2_128Key(DhKeyPair own, byte[] peerPublic) {
        return own.sharedKey(peerPublic);
    }
}
