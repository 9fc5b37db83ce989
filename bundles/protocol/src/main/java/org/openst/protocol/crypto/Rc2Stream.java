package org.openst.protocol.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.RC2ParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * RC2-CBC exactly as Meanwhile runs it (§4.3, §4.4), for one direction of one channel: effective
 * key bits 1024 for every key length, IV {@code 0123456789ABCDEF} at the start, PKCS#5 padding,
 * and CBC chained across messages (the next message's IV is the previous message's last
 * ciphertext block). Use one instance to encrypt and a separate one to decrypt.
 *
 * <p>Without {@code RC2ParameterSpec(1024, iv)} SunJCE uses 8 × key length effective bits and
 * silently produces different ciphertext (§4.4). The JCE cipher is created once per stream
 * ({@code Cipher.getInstance} is slow) and re-initialised with the chained IV per message.
 * Methods are synchronized so a stream may be handed between threads; the chain itself is
 * inherently ordered.
 */
public final class Rc2Stream {
    /** §4.3 the fixed initial IV. */
    static final byte[] INITIAL_IV = {0x01, 0x23, 0x45, 0x67, (byte) 0x89, (byte) 0xAB, (byte) 0xCD, (byte) 0xEF};
    /** §4.3 effective key bits, for 5-byte and 16-byte keys alike. */
    static final int EFFECTIVE_BITS = 1024;
    private static final int BLOCK = 8;

    private final SecretKeySpec key;
    private byte[] iv = INITIAL_IV.clone();
    private Cipher cipher;

    /**
     * @param key 5 bytes (RC2/40) or 16 bytes (RC2/128); SunJCE accepts 5..128
     * @throws IllegalArgumentException if the key length is outside 5..128
     */
    public Rc2Stream(byte[] key) {
        if (key == null || key.length < 5 || key.length > 128) {
            throw new IllegalArgumentException("RC2 key must be 5..128 bytes, was "
                    + (key == null ? "null" : key.length));
        }
        this.key = new SecretKeySpec(key, "RC2");
    }

    /**
     * Encrypts one message and advances the chain.
     *
     * @param plain plaintext (any length, may be empty)
     * @return ciphertext, a multiple of 8 bytes, 1..8 bytes longer than the plaintext
     * @throws IllegalStateException if the JDK lacks RC2 (e.g. a FIPS-restricted provider)
     */
    public synchronized byte[] encrypt(byte[] plain) {
        int pad = BLOCK - plain.length % BLOCK; // always 1..8 (§4.3)
        byte[] padded = Arrays.copyOf(plain, plain.length + pad);
        Arrays.fill(padded, plain.length, padded.length, (byte) pad);
        byte[] out;
        try {
            out = cipher(Cipher.ENCRYPT_MODE).doFinal(padded);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RC2 encryption unavailable", e);
        }
        iv = Arrays.copyOfRange(out, out.length - BLOCK, out.length);
        return out;
    }

    /**
     * Decrypts one message, checks and strips the padding, and advances the chain. On failure
     * the chain is left where it was.
     *
     * @param cipherText ciphertext
     * @return plaintext
     * @throws IllegalBlockSizeException if the length is 0 or not a multiple of 8
     * @throws BadPaddingException if the pad byte is outside 1..8 (§4.4: reject, never guess)
     * @throws GeneralSecurityException if the JDK lacks RC2
     */
    public synchronized byte[] decrypt(byte[] cipherText) throws GeneralSecurityException {
        if (cipherText.length == 0 || cipherText.length % BLOCK != 0) {
            throw new IllegalBlockSizeException("RC2 ciphertext length " + cipherText.length
                    + " is not a positive multiple of 8");
        }
        byte[] p = cipher(Cipher.DECRYPT_MODE).doFinal(cipherText);
        int pad = p[p.length - 1] & 0xFF;
        if (pad < 1 || pad > BLOCK) {
            throw new BadPaddingException("RC2 pad value " + pad + " outside 1..8");
        }
        iv = Arrays.copyOfRange(cipherText, cipherText.length - BLOCK, cipherText.length);
        return Arrays.copyOf(p, p.length - pad);
    }

    /**
     * Encrypts a single message with a fresh context (login blocks, §4.3).
     *
     * @param key 5..128 key bytes
     * @param plain plaintext
     * @return ciphertext
     */
    public static byte[] encryptOnce(byte[] key, byte[] plain) {
        return new Rc2Stream(key).encrypt(plain);
    }

    /**
     * Decrypts a single message with a fresh context (login blocks, §4.3).
     *
     * @param key 5..128 key bytes
     * @param cipherText ciphertext
     * @return plaintext
     * @throws GeneralSecurityException on a bad length or padding, or a key outside 5..128 bytes
     */
    public static byte[] decryptOnce(byte[] key, byte[] cipherText) throws GeneralSecurityException {
        if (key == null || key.length < 5 || key.length > 128) {
            throw new InvalidKeyException("RC2 key must be 5..128 bytes");
        }
        return new Rc2Stream(key).decrypt(cipherText);
    }

    private Cipher cipher(int mode) throws GeneralSecurityException {
        if (cipher == null) {
            // NoPadding in both directions: padding is done by hand so a bad pad is a clean error.
            cipher = Cipher.getInstance("RC2/CBC/NoPadding");
        }
        cipher.init(mode, key, new RC2ParameterSpec(EFFECTIVE_BITS, iv));
        return cipher;
    }
}
