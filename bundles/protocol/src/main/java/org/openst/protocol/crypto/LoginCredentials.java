package org.openst.protocol.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import org.openst.protocol.ProtocolException;
import org.openst.protocol.WireReader;
import org.openst.protocol.WireWriter;

/**
 * The encrypted password blocks of LOGIN (§4.5, §4.6): the server side recovers the password,
 * the client side builds the block. Passwords are UTF-8 (§1.1 REC).
 *
 * <p>Server methods throw {@link GeneralSecurityException} for every malformed or undecryptable
 * block (never {@link ProtocolException}), so the hub can answer INCORRECT_LOGIN (§7.3) in one
 * place. Client methods throw unchecked exceptions: {@link IllegalArgumentException} for a bad
 * server key, {@link IllegalStateException} if the JDK lacks RC2.
 */
public final class LoginCredentials {
    /** §4.5 the lead u16 of the RC2/128 block is always 1. */
    private static final int RC2_128_LEAD = 1;
    /** §4.6 Meanwhile's RC2/40 login key length. */
    private static final int RC2_40_KEY_BYTES = 5;

    private LoginCredentials() {
    }

    /**
     * Server procedure of §4.5: parse the block, check the client key range, derive the key
     * with this connection's HANDSHAKE_ACK key pair, decrypt, check the magic, read the password.
     *
     * @param authData LOGIN auth_data for auth type RC2/128
     * @param serverKey the key pair whose public half was sent in HANDSHAKE_ACK
     * @param expectedMagic the magic sent in HANDSHAKE_ACK
     * @return the password
     * @throws GeneralSecurityException if the block is malformed, the client key out of range,
     *     the ciphertext undecryptable or the magic wrong
     */
    public static String passwordFromRc2_128(byte[] authData, DhKeyPair serverKey, int expectedMagic)
            throws GeneralSecurityException {
        byte[] clientPublic;
        byte[] cipherText;
        try {
            WireReader r = new WireReader(authData);
            int lead = r.u16();
            if (lead != RC2_128_LEAD) {
                throw new GeneralSecurityException("RC2/128 auth block lead " + lead + ", expected 1");
            }
            clientPublic = r.opq();
            cipherText = r.opq();
        } catch (ProtocolException e) {
            throw new GeneralSecurityException("malformed RC2/128 auth block: " + e.getMessage(), e);
        }
        if (!DhGroup.isValidPublic(new java.math.BigInteger(1, clientPublic))) {
            throw new InvalidKeyException("client DH public key out of range");
        }
        byte[] plain = Rc2Stream.decryptOnce(serverKey.sharedKey(clientPublic), cipherText);
        try {
            WireReader p = new WireReader(plain);
            int magic = p.u32();
            if (magic != expectedMagic) {
                // §4.5 step 5: protects against a replayed block from another connection.
                throw new GeneralSecurityException("login magic mismatch");
            }
            return p.str();
        } catch (ProtocolException e) {
            throw new GeneralSecurityException("malformed RC2/128 login plaintext: " + e.getMessage(), e);
        }
    }

    /**
     * Server procedure of §4.6: decrypt the raw password with the transmitted key.
     *
     * @param authData LOGIN auth_data for auth type RC2/40
     * @return the password
     * @throws GeneralSecurityException if malformed or undecryptable
     */
    public static String passwordFromRc2_40(byte[] authData) throws GeneralSecurityException {
        byte[] key;
        byte[] cipherText;
        try {
            WireReader r = new WireReader(authData);
            key = r.opq();
            cipherText = r.opq();
        } catch (ProtocolException e) {
            throw new GeneralSecurityException("malformed RC2/40 auth block: " + e.getMessage(), e);
        }
        return new String(Rc2Stream.decryptOnce(key, cipherText), StandardCharsets.UTF_8);
    }

    /**
     * Client side of §4.5 with a fresh DH key pair.
     *
     * @param password the password
     * @param serverPublic dh_public from HANDSHAKE_ACK
     * @param magic magic from HANDSHAKE_ACK
     * @param rnd randomness for the client key pair
     * @return auth_data for auth type RC2/128
     * @throws IllegalArgumentException if the server key is out of range
     */
    public static byte[] rc2_128AuthData(String password, byte[] serverPublic, int magic, SecureRandom rnd) {
        return rc2_128AuthData(password, serverPublic, magic, DhKeyPair.generate(rnd));
    }

    /**
     * Client side of §4.5 with a given key pair (deterministic, for test vectors).
     *
     * @param password the password
     * @param serverPublic dh_public from HANDSHAKE_ACK
     * @param magic magic from HANDSHAKE_ACK
     * @param clientKey the client's login key pair (separate from its channel key pair)
     * @return auth_data for auth type RC2/128
     * @throws IllegalArgumentException if the server key is out of range
     */
    public static byte[] rc2_128AuthData(String password, byte[] serverPublic, int magic, DhKeyPair clientKey) {
        return rc2_128AuthData(password, magic, clientKey.publicKey(), clientKey.sharedKey(serverPublic));
    }

    /**
     * Client side of §4.5 with the shared RC2 key already derived (a client that reuses its key
     * pair computes it once per server key).
     *
     * @param password the password
     * @param magic magic from HANDSHAKE_ACK
     * @param clientPublic the client's public key, unsigned big-endian ({@link DhKeyPair#publicKey()})
     * @param rc2Key the 16-byte key shared with the server ({@link DhKeyPair#sharedKey})
     * @return auth_data for auth type RC2/128
     */
    public static byte[] rc2_128AuthData(String password, int magic, byte[] clientPublic, byte[] rc2Key) {
        byte[] plain = new WireWriter().u32(magic).str(password).toByteArray();
        return new WireWriter()
                .u16(RC2_128_LEAD)
                .opq(clientPublic)
                .opq(Rc2Stream.encryptOnce(rc2Key, plain))
                .toByteArray();
    }

    /**
     * Client side of §4.6: a random 5-byte key and the encrypted raw password bytes.
     *
     * @param password the password
     * @param rnd randomness for the key
     * @return auth_data for auth type RC2/40
     */
    public static byte[] rc2_40AuthData(String password, SecureRandom rnd) {
        byte[] key = new byte[RC2_40_KEY_BYTES];
        rnd.nextBytes(key);
        return new WireWriter()
                .opq(key)
                .opq(Rc2Stream.encryptOnce(key, password.getBytes(StandardCharsets.UTF_8)))
                .toByteArray();
    }
}
