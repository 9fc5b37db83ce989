package org.openst.protocol;

/** Message type numbers of the header's {@code type} field (§3). */
public final class MessageType {
    /** §3.1 client's first message: versions and client type (C→S). */
    public static final int HANDSHAKE = 0x0000;
    /** §3.2 server's answer to HANDSHAKE: version, client address, login DH key (S→C). */
    public static final int HANDSHAKE_ACK = 0x8000;
    /** §3.3 user name and encrypted password (C→S). */
    public static final int LOGIN = 0x0001;
    /** §3.4 login accepted (S→C). */
    public static final int LOGIN_ACK = 0x8001;
    /** §3.5 "please use another server" (S→C). */
    public static final int LOGIN_REDIRECT = 0x0018;
    /** §3.6 force the login on this server after a redirect (C→S). */
    public static final int LOGIN_CONTINUE = 0x0016;
    /** §3.7 open a channel (both directions). */
    public static final int CHANNEL_CREATE = 0x0002;
    /** §3.10 close a channel; channel 0 ends the session (both directions). */
    public static final int CHANNEL_DESTROY = 0x0003;
    /** §3.9 service message on a channel (both directions). */
    public static final int CHANNEL_SEND = 0x0004;
    /** §3.8 accept a channel (both directions). */
    public static final int CHANNEL_ACCEPT = 0x0006;
    /** §3.11 own status (both directions). */
    public static final int SET_USER_STATUS = 0x0009;
    /** §3.12 own privacy list (both directions). */
    public static final int SET_PRIVACY_LIST = 0x000B;
    /** §3.13 "is service X available?" / "service X is available" (both directions). */
    public static final int SENSE_SERVICE = 0x0011;
    /** §3.14 administrator broadcast (S→C). */
    public static final int ADMIN = 0x0019;
    /** §3.15 one-way announcement between users (both directions). */
    public static final int ANNOUNCE = 0x0022;

    private MessageType() {
    }

    /**
     * @param type a message type
     * @return whether the codec knows the type (one of the §3 table)
     */
    public static boolean isKnown(int type) {
        return !name(type).startsWith("UNKNOWN");
    }

    /**
     * @param type a message type
     * @return its name from §3, or {@code "UNKNOWN(0x…)"}
     */
    public static String name(int type) {
        switch (type) {
            case HANDSHAKE: return "HANDSHAKE";
            case HANDSHAKE_ACK: return "HANDSHAKE_ACK";
            case LOGIN: return "LOGIN";
            case LOGIN_ACK: return "LOGIN_ACK";
            case LOGIN_REDIRECT: return "LOGIN_REDIRECT";
            case LOGIN_CONTINUE: return "LOGIN_CONTINUE";
            case CHANNEL_CREATE: return "CHANNEL_CREATE";
            case CHANNEL_DESTROY: return "CHANNEL_DESTROY";
            case CHANNEL_SEND: return "CHANNEL_SEND";
            case CHANNEL_ACCEPT: return "CHANNEL_ACCEPT";
            case SET_USER_STATUS: return "SET_USER_STATUS";
            case SET_PRIVACY_LIST: return "SET_PRIVACY_LIST";
            case SENSE_SERVICE: return "SENSE_SERVICE";
            case ADMIN: return "ADMIN";
            case ANNOUNCE: return "ANNOUNCE";
            default: return String.format("UNKNOWN(0x%04X)", type);
        }
    }
}
