package org.openst.client.internal;

import java.security.GeneralSecurityException;

import org.openst.client.ChannelCipher;
import org.openst.protocol.crypto.ChannelKeys;
import org.openst.protocol.crypto.DhKeyPair;
import org.openst.protocol.crypto.Rc2Stream;

/**
 * The cipher state of one channel: one chained RC2 stream per direction (§4.3, §5.7), or none.
 * Each stream is synchronized by {@link Rc2Stream} itself; callers keep wire order by holding
 * their channel's send lock across encrypt and write.
 */
final class ChannelCrypto {
    static final ChannelCrypto NONE = new ChannelCrypto(ChannelCipher.NONE, null, null);

    private final ChannelCipher kind;
    private final Rc2Stream out;
    private final Rc2Stream in;

    private ChannelCrypto(ChannelCipher kind, Rc2Stream out, Rc2Stream in) {
        this.kind = kind;
        this.out = out;
        this.in = in;
    }

    /**
     * RC2/128 (§5.7): both directions use the key agreed from this session's channel key pair
     * and the peer's public key, each with its own IV chain.
     *
     * @throws IllegalArgumentException if the peer key is out of range
     */
    static ChannelCrypto rc2_128(DhKeyPair own, byte[] peerPublic) {
        byte[] key = ChannelKeys.rc2_128Key(own, peerPublic);
        return new ChannelCrypto(ChannelCipher.RC2_128, new Rc2Stream(key), new Rc2Stream(key));
    }

    /**
     * RC2/40 (§5.7): encrypt with the own login ID, decrypt with the peer's. With no peer
     * LoginInfo Meanwhile's decryption key stays all zero; we reproduce that rather than invent
     * a key, so a server that omits the LoginInfo shows up as undecryptable traffic.
     */
    static ChannelCrypto rc2_40(String ownLoginId, String peerLoginIdOrNull) {
        byte[] inKey = peerLoginIdOrNull == null
                ? new byte[ChannelKeys.RC2_40_KEY_BYTES]
                : ChannelKeys.rc2_40Key(peerLoginIdOrNull);
        return new ChannelCrypto(ChannelCipher.RC2_40, new Rc2Stream(ChannelKeys.rc2_40Key(ownLoginId)),
                new Rc2Stream(inKey));
    }

    ChannelCipher kind() {
        return kind;
    }

    boolean active() {
        return kind != ChannelCipher.NONE;
    }

    byte[] encrypt(byte[] plain) {
        return out.encrypt(plain);
    }

    byte[] decrypt(byte[] cipherText) throws GeneralSecurityException {
        return in.decrypt(cipherText);
    }
}
