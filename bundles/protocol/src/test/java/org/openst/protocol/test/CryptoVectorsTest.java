package org.openst.protocol.test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.openst.protocol.Hex;
import org.openst.protocol.WireWriter;
import org.openst.protocol.crypto.ChannelKeys;
import org.openst.protocol.crypto.DhKeyPair;
import org.openst.protocol.crypto.LoginCredentials;
import org.openst.protocol.crypto.Rc2Stream;

/** The test vectors of §4.9, produced with libmeanwhile. */
class CryptoVectorsTest {
    private static final byte[] IV = Hex.parse("0123456789abcdef");
    private static final byte[] KEY_A = Hex.parse("1122334455");
    private static final byte[] KEY_B = Hex.parse("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf");

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static BigInteger privateFrom(int mul, int add) {
        byte[] b = new byte[64];
        for (int i = 0; i < 64; i++) {
            b[i] = (byte) ((mul * i + add) % 256);
        }
        return new BigInteger(1, b);
    }

    @Test
    void caseA_rc2_40Key() throws Exception {
        byte[] ct = Rc2Stream.encryptOnce(KEY_A, ascii("secret-password"));
        assertEquals("b16f46cc5dbef3d971169f4c7c6f0f38", Hex.of(ct));
        assertArrayEquals(ascii("secret-password"), Rc2Stream.decryptOnce(KEY_A, ct));
    }

    @Test
    void caseB_fullBlockGetsExtraPadBlock() throws Exception {
        byte[] ct = Rc2Stream.encryptOnce(KEY_B, ascii("0123456789abcdef"));
        assertEquals("272bac1d13a63e58bfdfe89b34c49b515cec9f3b29f590cb", Hex.of(ct));
        assertArrayEquals(ascii("0123456789abcdef"), Rc2Stream.decryptOnce(KEY_B, ct));
    }

    @Test
    void caseC_chainsIvAcrossMessages() throws Exception {
        Rc2Stream enc = new Rc2Stream(KEY_B);
        assertEquals("60edd9ea6d2cc253a8c46721bf251ec1", Hex.of(enc.encrypt(ascii("secret-password"))));
        byte[] c2 = enc.encrypt(ascii("0123456789abcdef"));
        assertEquals("041e3fede39205b86fa56d4664e27166fc88985135138e04", Hex.of(c2));

        Rc2Stream dec = new Rc2Stream(KEY_B);
        assertArrayEquals(ascii("secret-password"), dec.decrypt(Hex.parse("60edd9ea6d2cc253a8c46721bf251ec1")));
        assertArrayEquals(ascii("0123456789abcdef"), dec.decrypt(c2));
    }

    @Test
    void caseD_rc2_40ChannelKeyFromLoginId() {
        byte[] key = ChannelKeys.rc2_40Key("alice-login");
        assertArrayEquals(ascii("alice"), key);
        assertEquals("faee1432d43d7bca", Hex.of(new Rc2Stream(key).encrypt(ascii("hi"))));
    }

    @Test
    void caseE_rc2_40Login() throws Exception {
        byte[] key = Hex.parse("0102030405");
        assertEquals("fd1444526ce8ed13", Hex.of(Rc2Stream.encryptOnce(key, ascii("s3cret!"))));
        byte[] authData = new WireWriter().opq(key).opq(Hex.parse("fd1444526ce8ed13")).toByteArray();
        assertEquals("s3cret!", LoginCredentials.passwordFromRc2_40(authData));
    }

    /** Regression guard (§4.4): without RC2ParameterSpec(1024) SunJCE gives different output. */
    @Test
    void withoutEffectiveBits1024TheJceResultIsWrong() throws Exception {
        assertEquals("5ea85c518de21e812d7522e6b4322b2f", Hex.of(jceDefault(KEY_A, ascii("secret-password"))));
        assertEquals("c903b0b611c5caac373bb5b6c9a075f5d10fe6f266d4de05",
                Hex.of(jceDefault(KEY_B, ascii("0123456789abcdef"))));
        assertNotEquals(Hex.of(Rc2Stream.encryptOnce(KEY_A, ascii("secret-password"))),
                Hex.of(jceDefault(KEY_A, ascii("secret-password"))));
    }

    private static byte[] jceDefault(byte[] key, byte[] plain) throws Exception {
        Cipher c = Cipher.getInstance("RC2/CBC/PKCS5Padding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "RC2"), new IvParameterSpec(IV));
        return c.doFinal(plain);
    }

    @Test
    void diffieHellmanVector() {
        DhKeyPair server = DhKeyPair.fromPrivate(privateFrom(7, 1));
        DhKeyPair client = DhKeyPair.fromPrivate(privateFrom(3, 5));
        assertEquals("7809b2e5caf0ae70de8282602ee46d11b765a4467787125da32484612e73c4a3"
                + "ed64b084776573956af0e85319d2bed10e123db2c5b9019da45e31ad0b9568bc", Hex.of(server.publicKey()));
        assertEquals("6ff2f6e93ee4e07e34d1c1b96929eab23a86adfc5ff62e38364b98eac611d73e"
                + "562b1888ebfe9501eff26da80df0bfe26b1613af32bff0501a680e83c31281e3", Hex.of(client.publicKey()));
        String shared = "5e53643d36332b24fa88894564ba99c7e9939eba069e354b39450e14964364e8"
                + "d27fc5fada7572d36dd13e6fdfbbeb0d9c2d89cca998ac49e989c7e99d92e72c";
        assertEquals(shared, Hex.of(server.sharedSecret(client.publicKey())));
        assertEquals(shared, Hex.of(client.sharedSecret(server.publicKey())));
        assertEquals("9c2d89cca998ac49e989c7e99d92e72c", Hex.of(server.sharedKey(client.publicKey())));
        assertEquals("9c2d89cca998ac49e989c7e99d92e72c", Hex.of(ChannelKeys.rc2_128Key(client, server.publicKey())));
    }

    @Test
    void rc2_128LoginVector() throws Exception {
        DhKeyPair server = DhKeyPair.fromPrivate(privateFrom(7, 1));
        DhKeyPair client = DhKeyPair.fromPrivate(privateFrom(3, 5));
        byte[] plain = new WireWriter().u32(0x11223344).str("s3cret!").toByteArray();
        assertEquals("11223344000773336372657421", Hex.of(plain));
        byte[] key = Hex.parse("9c2d89cca998ac49e989c7e99d92e72c");
        assertEquals("081828dbc9b43571d1971f30760cceb4", Hex.of(Rc2Stream.encryptOnce(key, plain)));

        byte[] authData = new WireWriter().u16(1).opq(client.publicKey())
                .opq(Hex.parse("081828dbc9b43571d1971f30760cceb4")).toByteArray();
        assertEquals("s3cret!", LoginCredentials.passwordFromRc2_128(authData, server, 0x11223344));
        // The client-side builder produces exactly the same block.
        assertArrayEquals(authData, LoginCredentials.rc2_128AuthData("s3cret!", server.publicKeyPadded(), 0x11223344, client));
    }
}
