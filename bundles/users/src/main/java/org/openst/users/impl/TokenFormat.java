package org.openst.users.impl;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The text form of a login token, without any key (README, "Token format"):
 *
 * <pre>ost1.&lt;base64url(payload)&gt;.&lt;base64url(HMAC-SHA256(key, "ost1." + base64url(payload)))&gt;</pre>
 *
 * where the payload is {@code u16} length + UTF-8 user ID, {@code i64} expiry in epoch seconds and
 * 16 random bytes (so two tokens issued in the same second differ). Base64url without padding;
 * big-endian numbers. The MAC covers the prefix too, so a later format cannot be confused with this
 * one. Parsing is strict: one token has exactly one valid spelling.
 */
final class TokenFormat {
    static final String PREFIX = "ost1.";
    static final int NONCE_BYTES = 16;
    static final int MAC_BYTES = 32;
    /** User IDs longer than this (in UTF-8) get no token; directories use far shorter IDs. */
    static final int MAX_USER_ID_BYTES = 1024;
    /** Longer input is refused before any decoding (a login block can carry 64 KiB). */
    static final int MAX_TOKEN_CHARS = PREFIX.length() + base64Chars(2 + MAX_USER_ID_BYTES + 8 + NONCE_BYTES) + 1
            + base64Chars(MAC_BYTES);

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** What a token says. */
    record Payload(String userId, long expiresAt, byte[] nonce) {
    }

    /**
     * A token split into its parts; nothing in it is trustworthy before the MAC is checked.
     *
     * @param signedText the text the MAC covers: prefix and encoded payload
     */
    record Parsed(Payload payload, String signedText, byte[] mac) {
    }

    /** Not a token of this format; the message says what is wrong (for logs). */
    static final class MalformedTokenException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedTokenException(String message) {
            super(message);
        }
    }

    private TokenFormat() {
    }

    /** Whether a secret claims to be one of our tokens (a password may still start like this). */
    static boolean looksLikeToken(String secret) {
        return secret != null && secret.startsWith(PREFIX);
    }

    /** The text the MAC covers. @throws IllegalArgumentException if the user ID is empty or too long */
    static String signedText(Payload payload) {
        byte[] user = payload.userId().getBytes(StandardCharsets.UTF_8);
        if (user.length == 0 || user.length > MAX_USER_ID_BYTES) {
            throw new IllegalArgumentException("user ID must have 1 to " + MAX_USER_ID_BYTES + " UTF-8 bytes");
        }
        if (payload.nonce().length != NONCE_BYTES) {
            throw new IllegalArgumentException("nonce must have " + NONCE_BYTES + " bytes");
        }
        ByteBuffer b = ByteBuffer.allocate(2 + user.length + 8 + NONCE_BYTES);
        b.putShort((short) user.length).put(user).putLong(payload.expiresAt()).put(payload.nonce());
        return PREFIX + ENCODER.encodeToString(b.array());
    }

    static String token(String signedText, byte[] mac) {
        return signedText + "." + ENCODER.encodeToString(mac);
    }

    static Parsed parse(String token) throws MalformedTokenException {
        if (!looksLikeToken(token)) {
            throw new MalformedTokenException("does not start with " + PREFIX);
        }
        if (token.length() > MAX_TOKEN_CHARS) {
            throw new MalformedTokenException("longer than " + MAX_TOKEN_CHARS + " characters");
        }
        int dot = token.indexOf('.', PREFIX.length());
        if (dot < 0 || token.indexOf('.', dot + 1) >= 0) {
            throw new MalformedTokenException("not three dot-separated parts");
        }
        String payloadText = token.substring(PREFIX.length(), dot);
        String macText = token.substring(dot + 1);
        byte[] payloadBytes = decode(payloadText, "payload");
        byte[] mac = decode(macText, "signature");
        if (mac.length != MAC_BYTES) {
            throw new MalformedTokenException("signature is not " + MAC_BYTES + " bytes");
        }
        return new Parsed(payload(payloadBytes), token.substring(0, dot), mac);
    }

    /**
     * The expiry a token claims, without checking its signature: for display only (the shell
     * command), never for a decision.
     */
    static Optional<Instant> claimedExpiry(String token) {
        try {
            return Optional.of(Instant.ofEpochSecond(parse(token).payload().expiresAt()));
        } catch (MalformedTokenException | DateTimeException e) {
            return Optional.empty();
        }
    }

    private static byte[] decode(String text, String what) throws MalformedTokenException {
        byte[] bytes;
        try {
            bytes = DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedTokenException(what + " is not base64url");
        }
        // Padding or stray bits would give a second spelling of the same bytes: refuse it.
        if (!ENCODER.encodeToString(bytes).equals(text)) {
            throw new MalformedTokenException(what + " is not in canonical base64url");
        }
        return bytes;
    }

    private static Payload payload(byte[] bytes) throws MalformedTokenException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        try {
            int length = Short.toUnsignedInt(b.getShort());
            if (length == 0 || length > MAX_USER_ID_BYTES || b.remaining() != length + 8 + NONCE_BYTES) {
                throw new MalformedTokenException("payload has the wrong length");
            }
            byte[] user = new byte[length];
            b.get(user);
            long expiresAt = b.getLong();
            byte[] nonce = new byte[NONCE_BYTES];
            b.get(nonce);
            return new Payload(utf8(user), expiresAt, nonce);
        } catch (BufferUnderflowException e) {
            throw new MalformedTokenException("payload is too short");
        }
    }

    private static String utf8(byte[] bytes) throws MalformedTokenException {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new MalformedTokenException("user ID is not UTF-8");
        }
    }

    private static int base64Chars(int bytes) {
        return (bytes * 4 + 2) / 3;
    }
}
