package org.openst.protocol.test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Random;
import javax.crypto.BadPaddingException;
import javax.crypto.IllegalBlockSizeException;
import org.junit.jupiter.api.Test;
import org.openst.protocol.Hex;
import org.openst.protocol.WireWriter;
import org.openst.protocol.crypto.ChannelKeys;
import org.openst.protocol.crypto.DhGroup;
import org.openst.protocol.crypto.DhKeyPair;
import org.openst.protocol.crypto.LoginCredentials;
import org.openst.protocol.crypto.Rc2Stream;

/** Behaviour of the crypto helpers beyond the fixed vectors (§4). */
class CryptoBehaviourTest {
    private static final SecureRandom RND = new SecureRandom(new byte[] {1, 2, 3});

    @Test
    void groupIsTheSafePrimeWithGenerator3() {
        assertEquals(512, DhGroup.P.bitLength());
        assertEquals(true, DhGroup.P.isProbablePrime(50));
        assertEquals(true, DhGroup.P.subtract(BigInteger.ONE).shiftRight(1).isProbablePrime(50));
        assertEquals(BigInteger.valueOf(3), DhGroup.G);
    }

    @Test
    void generatedPairsAgreeAndPadTo64Bytes() {
        DhKeyPair a = DhKeyPair.generate(RND);
        DhKeyPair b = DhKeyPair.generate(RND);
        assertArrayEquals(a.sharedKey(b.publicKey()), b.sharedKey(a.publicKeyPadded()));
        assertEquals(16, a.sharedKey(b.publicKey()).length);
        assertEquals(64, a.publicKeyPadded().length);
        assertEquals(new BigInteger(1, a.publicKey()), new BigInteger(1, a.publicKeyPadded()));
    }

    @Test
    void shortPublicKeyIsPaddedNotTruncated() {
        DhKeyPair small = DhKeyPair.fromPrivate(BigInteger.ONE); // public = 3
        assertArrayEquals(new byte[] {3}, small.publicKey());
        byte[] padded = small.publicKeyPadded();
        assertEquals(64, padded.length);
        assertEquals(3, padded[63]);
    }

    @Test
    void degeneratePeerKeysAreRejected() {
        DhKeyPair a = DhKeyPair.generate(RND);
        byte[] pMinus1 = DhGroup.P.subtract(BigInteger.ONE).toByteArray();
        assertThrows(IllegalArgumentException.class, () -> a.sharedKey(new byte[] {1}));
        assertThrows(IllegalArgumentException.class, () -> a.sharedKey(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> a.sharedKey(pMinus1));
        assertThrows(IllegalArgumentException.class, () -> a.sharedKey(DhGroup.P.toByteArray()));
    }

    @Test
    void streamsRoundTripManyMessagesOfEveryLength() throws Exception {
        byte[] key = new byte[16];
        RND.nextBytes(key);
        Rc2Stream enc = new Rc2Stream(key);
        Rc2Stream dec = new Rc2Stream(key);
        Random r = new Random(7);
        for (int len = 0; len < 40; len++) {
            byte[] p = new byte[len];
            r.nextBytes(p);
            byte[] c = enc.encrypt(p);
            assertEquals(0, c.length % 8);
            assertEquals((len / 8 + 1) * 8, c.length);
            assertArrayEquals(p, dec.decrypt(c));
        }
    }

    @Test
    void decryptRejectsBadLengthAndPadding() throws Exception {
        byte[] key = Hex.parse("1122334455");
        assertThrows(IllegalBlockSizeException.class, () -> Rc2Stream.decryptOnce(key, new byte[0]));
        assertThrows(IllegalBlockSizeException.class, () -> Rc2Stream.decryptOnce(key, new byte[7]));
        // Find a block whose decryption ends in a pad byte outside 1..8 (most do).
        byte[] bad = new byte[8];
        for (int i = 0; i < 256; i++) {
            bad[0] = (byte) i;
            try {
                Rc2Stream.decryptOnce(key, bad);
            } catch (BadPaddingException expected) {
                return;
            }
        }
        throw new AssertionError("no block with a bad pad found");
    }

    @Test
    void failedDecryptDoesNotAdvanceTheChain() throws Exception {
        byte[] key = Hex.parse("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf");
        Rc2Stream enc = new Rc2Stream(key);
        Rc2Stream dec = new Rc2Stream(key);
        byte[] c = enc.encrypt("hello".getBytes(StandardCharsets.US_ASCII));
        assertThrows(GeneralSecurityException.class, () -> dec.decrypt(new byte[5]));
        assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), dec.decrypt(c));
    }

    @Test
    void keyLengthIsChecked() {
        assertThrows(IllegalArgumentException.class, () -> new Rc2Stream(new byte[4]));
        assertThrows(IllegalArgumentException.class, () -> new Rc2Stream(new byte[129]));
    }

    @Test
    void clientAndServerLoginBlocksAgree() throws Exception {
        DhKeyPair server = DhKeyPair.generate(RND);
        byte[] rc2_128 = LoginCredentials.rc2_128AuthData("pässwörd", server.publicKeyPadded(), 0xCAFEBABE, RND);
        assertEquals("pässwörd", LoginCredentials.passwordFromRc2_128(rc2_128, server, 0xCAFEBABE));
        assertThrows(GeneralSecurityException.class,
                () -> LoginCredentials.passwordFromRc2_128(rc2_128, server, 0xCAFEBABF));

        byte[] rc2_40 = LoginCredentials.rc2_40AuthData("secret", RND);
        assertEquals("secret", LoginCredentials.passwordFromRc2_40(rc2_40));
    }

    @Test
    void malformedLoginBlocksAreSecurityExceptions() {
        DhKeyPair server = DhKeyPair.generate(RND);
        byte[] goodKey = DhKeyPair.generate(RND).publicKey();
        byte[][] bad = {
            new byte[0],
            new WireWriter().u16(2).opq(goodKey).opq(new byte[8]).toByteArray(), // lead not 1
            new WireWriter().u16(1).opq(new byte[] {1}).opq(new byte[8]).toByteArray(), // key 1
            new WireWriter().u16(1).opq(goodKey).opq(new byte[0]).toByteArray(), // empty ct
            new WireWriter().u16(1).opq(goodKey).opq(new byte[9]).toByteArray(), // not 8k
            new WireWriter().u16(1).opq(goodKey).u32(100).toByteArray(), // truncated opq
        };
        for (byte[] b : bad) {
            assertThrows(GeneralSecurityException.class, () -> LoginCredentials.passwordFromRc2_128(b, server, 0));
        }
        assertThrows(GeneralSecurityException.class, () -> LoginCredentials.passwordFromRc2_40(new byte[3]));
        assertThrows(GeneralSecurityException.class, () -> LoginCredentials.passwordFromRc2_40(
                new WireWriter().opq(new byte[2]).opq(new byte[8]).toByteArray()));
    }

    @Test
    void rc2_40KeyIsZeroPaddedForShortLoginIds() {
        assertArrayEquals(new byte[] {'a', 'b', 0, 0, 0}, ChannelKeys.rc2_40Key("ab"));
        assertArrayEquals(new byte[5], ChannelKeys.rc2_40Key(null));
    }
}
