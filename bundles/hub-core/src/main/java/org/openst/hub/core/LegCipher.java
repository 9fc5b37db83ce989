package org.openst.hub.core;

import java.security.GeneralSecurityException;

import org.openst.protocol.crypto.Rc2Stream;

/**
 * The hub's cipher end of one leg of a terminated channel (spec §5.7): a chained RC2 stream to
 * decrypt what the client sends and another to encrypt what the hub sends it, each direction
 * with its own IV chain from the fixed IV (§4.3); or no cipher. The client library keeps the
 * same state for its end; this is the server's mirror of it, built on the protocol's
 * {@link Rc2Stream}.
 */
final class LegCipher {
    static final LegCipher NONE = new LegCipher("none", null, null);

    private final String name;
    private final Rc2Stream in;
    private final Rc2Stream out;

    private LegCipher(String name, Rc2Stream in, Rc2Stream out) {
        this.name = name;
        this.in = in;
        this.out = out;
    }

    /** RC2/128: one DH-agreed key for both directions (§5.7). */
    static LegCipher rc2_128(byte[] key) {
        return new LegCipher("RC2/128", new Rc2Stream(key), new Rc2Stream(key));
    }

    /**
     * RC2/40 as a server that terminates the cipher (§5.7 [verified]): what the client sends is
     * decrypted with its own login ID's key, what the hub sends it is encrypted with the key of
     * the login advertised to it as the other end.
     */
    static LegCipher rc2_40(byte[] clientKey, byte[] advertisedPeerKey) {
        return new LegCipher("RC2/40", new Rc2Stream(clientKey), new Rc2Stream(advertisedPeerKey));
    }

    boolean active() {
        return in != null;
    }

    /** Decrypts one message from the client and advances the inbound chain. */
    byte[] decrypt(byte[] cipherText) throws GeneralSecurityException {
        return in.decrypt(cipherText);
    }

    /** Encrypts one message for the client and advances the outbound chain. */
    byte[] encrypt(byte[] plain) {
        return out.encrypt(plain);
    }

    @Override
    public String toString() {
        return name;
    }
}
