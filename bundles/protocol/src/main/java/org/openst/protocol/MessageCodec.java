package org.openst.protocol;

/**
 * Encodes and decodes message bodies: the header of §2.1 followed by the payload of §3. A body
 * is a frame without its 4-byte length (§2). Stateless and thread-safe.
 *
 * <p>Decoding is strict where Meanwhile is lenient (§1.1): truncated fields throw {@link
 * ProtocolException}; extra bytes after the last field are ignored, as Meanwhile does.
 */
public final class MessageCodec {
    /** type u16 + options u16 + channel u32 (§2.1). */
    static final int HEADER_SIZE = 8;

    private MessageCodec() {
    }

    /**
     * @param body header + payload
     * @return the message
     * @throws ProtocolException if malformed or of unknown type
     */
    public static Message decode(byte[] body) {
        return decode(body, 0, body.length);
    }

    /**
     * @param buf buffer holding the body
     * @param off start of the body
     * @param len body length
     * @return the message
     * @throws ProtocolException if malformed or of unknown type
     */
    public static Message decode(byte[] buf, int off, int len) {
        if (len < HEADER_SIZE) {
            throw new ProtocolException("truncated header: " + len + " bytes, need " + HEADER_SIZE);
        }
        WireReader r = new WireReader(buf, off, len);
        int type = r.u16();
        int options = r.u16();
        int channel = r.u32();
        if (!MessageType.isKnown(type)) {
            throw new ProtocolException(String.format("unknown message type 0x%04X", type));
        }
        try {
            if ((options & HeaderOption.HAS_ATTRIBS) != 0) {
                r.opq(); // §2.1: attributes are parsed and ignored, as Meanwhile does.
            }
            return decodeBody(type, options, channel, r);
        } catch (ProtocolException e) {
            throw new ProtocolException(MessageType.name(type) + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // A record constructor refused a decoded value; still malformed input, not a bug.
            throw new ProtocolException(MessageType.name(type) + ": " + e.getMessage(), e);
        }
    }

    private static Message decodeBody(int type, int options, int channel, WireReader r) {
        switch (type) {
            case MessageType.HANDSHAKE: return Handshake.readBody(r);
            case MessageType.HANDSHAKE_ACK: return HandshakeAck.readBody(r);
            case MessageType.LOGIN: return Login.readBody(r);
            case MessageType.LOGIN_ACK: return LoginAck.readBody(r);
            case MessageType.LOGIN_REDIRECT: return LoginRedirect.readBody(r);
            case MessageType.LOGIN_CONTINUE: return new LoginContinue();
            case MessageType.CHANNEL_CREATE: return ChannelCreate.readBody(r);
            case MessageType.CHANNEL_ACCEPT: return ChannelAccept.readBody(r, channel);
            case MessageType.CHANNEL_SEND: return ChannelSend.readBody(r, channel, options);
            case MessageType.CHANNEL_DESTROY: return ChannelDestroy.readBody(r, channel);
            case MessageType.SET_USER_STATUS: return SetUserStatus.readBody(r);
            case MessageType.SET_PRIVACY_LIST: return SetPrivacyList.readBody(r);
            case MessageType.SENSE_SERVICE: return SenseService.readBody(r);
            case MessageType.ADMIN: return Admin.readBody(r);
            case MessageType.ANNOUNCE: return Announce.readBody(r);
            default:
                throw new IllegalStateException("type checked by isKnown: " + type);
        }
    }

    /**
     * @param m the message
     * @return header + payload, without the frame length
     * @throws IllegalArgumentException if a string field is longer than 65535 bytes
     */
    public static byte[] encode(Message m) {
        WireWriter w = new WireWriter();
        write(m, w);
        return w.toByteArray();
    }

    /**
     * @param m the message
     * @return the complete frame: u32 length + header + payload (§2)
     * @throws IllegalArgumentException if a string field is longer than 65535 bytes
     */
    public static byte[] encodeFrame(Message m) {
        // CHANNEL_SEND, the message the hub relays most, is sized exactly: one array per frame,
        // not a growing buffer and a trimmed copy (the relay's allocation per message).
        WireWriter w = new WireWriter(m instanceof ChannelSend s ? CHANNEL_SEND_FIXED_BYTES + s.data().length : 64);
        w.u32(0);
        write(m, w);
        w.patchU32(0, w.size() - 4);
        return w.takeBytes();
    }

    /** A CHANNEL_SEND frame's bytes besides its data: length, header, msg_type, the data's opq length. */
    private static final int CHANNEL_SEND_FIXED_BYTES = 4 + 8 + 2 + 4;

    private static void write(Message m, WireWriter w) {
        // Only CHANNEL_SEND carries options (ENCRYPT); all others use 0 (§3).
        int options = m instanceof ChannelSend s ? s.options() : 0;
        w.u16(m.type()).u16(options).u32(m.channel());
        if (m instanceof Handshake x) {
            x.writeBody(w);
        } else if (m instanceof HandshakeAck x) {
            x.writeBody(w);
        } else if (m instanceof Login x) {
            x.writeBody(w);
        } else if (m instanceof LoginAck x) {
            x.writeBody(w);
        } else if (m instanceof LoginRedirect x) {
            x.writeBody(w);
        } else if (m instanceof ChannelCreate x) {
            x.writeBody(w);
        } else if (m instanceof ChannelAccept x) {
            x.writeBody(w);
        } else if (m instanceof ChannelSend x) {
            x.writeBody(w);
        } else if (m instanceof ChannelDestroy x) {
            x.writeBody(w);
        } else if (m instanceof SetUserStatus x) {
            x.writeBody(w);
        } else if (m instanceof SetPrivacyList x) {
            x.writeBody(w);
        } else if (m instanceof SenseService x) {
            x.writeBody(w);
        } else if (m instanceof Admin x) {
            x.writeBody(w);
        } else if (m instanceof Announce x) {
            x.writeBody(w);
        } else if (!(m instanceof LoginContinue)) {
            throw new IllegalArgumentException("unsupported message " + m);
        }
    }
}
