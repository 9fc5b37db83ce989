package org.openst.protocol;

/**
 * Error and reason codes (§7.2), used as CHANNEL_DESTROY reasons (§3.10, §5.10) and in service
 * results. Codes with bit 31 set are errors; Pidgin reports a session end as an error only then.
 *
 * <p>Constant names are the spec's; the {@code ERR_}-prefixed ones also have an unprefixed alias
 * (e.g. {@link #NO_USER}) for readability. {@link #name(int)} always returns the spec name.
 */
public final class ErrorCode {
    /** §7.2 general: Success. */
    public static final int ERR_SUCCESS = 0x00000000;
    /** §7.2 general: General failure. */
    public static final int ERR_FAILURE = 0x80000000;
    /** §7.2 general: Request delayed. */
    public static final int ERR_REQUEST_DELAY = 0x00000001;
    /** §7.2 general: Request is invalid. */
    public static final int ERR_REQUEST_INVALID = 0x80000001;
    /** §7.2 general: Not logged in. */
    public static final int ERR_NOT_LOGGED_IN = 0x80000002;
    /** §7.2 general: Not authorized. */
    public static final int ERR_NOT_AUTHORIZED = 0x80000003;
    /** §7.2 general: Operation aborted. */
    public static final int ERR_ABORT = 0x80000004;
    /** §7.2 general: No such element. */
    public static final int ERR_NO_ELEMENT = 0x80000005;
    /** §7.2 general: User is not online. */
    public static final int ERR_NO_USER = 0x80000006;
    /** §7.2 general: Bad data. */
    public static final int ERR_BAD_DATA = 0x80000007;
    /** §7.2 general: Not implemented. */
    public static final int ERR_NOT_IMPLEMENTED = 0x80000008;
    /** §7.2 general: Unknown error. */
    public static final int ERR_UNKNOWN_ERROR = 0x80000009;
    /** §7.2 general: Server is starving (out of resources). */
    public static final int ERR_STARVING = 0x8000000A;
    /** §7.2 general: Requested channel is not supported. */
    public static final int ERR_CHANNEL_NO_SUPPORT = 0x8000000B;
    /** §7.2 general: Requested channel already exists. */
    public static final int ERR_CHANNEL_EXISTS = 0x8000000C;
    /** §7.2 general: Requested service is not supported. */
    public static final int ERR_SERVICE_NO_SUPPORT = 0x8000000D;
    /** §7.2 general: Requested protocol is not supported. */
    public static final int ERR_PROTOCOL_NO_SUPPORT = 0x8000000E;
    /** §7.2 general: Requested protocol is not supported. */
    public static final int ERR_PROTOCOL_NO_SUPPORT2 = 0x8000000F;
    /** §7.2 general: Version is not supported. */
    public static final int ERR_VERSION_NO_SUPPORT = 0x80000010;
    /** §7.2 general: User is invalid or not trusted. */
    public static final int ERR_USER_SKETCHY = 0x80000011;
    /** §7.2 general: Already initialized. */
    public static final int ERR_ALREADY_INITIALIZED = 0x80000013;
    /** §7.2 general: Not the owner. */
    public static final int ERR_NOT_OWNER = 0x80000014;
    /** §7.2 general: Login token is invalid. */
    public static final int ERR_TOKEN_INVALID = 0x80000015;
    /** §7.2 general: Login token has expired. */
    public static final int ERR_TOKEN_EXPIRED = 0x80000016;
    /** §7.2 general: Login token was issued for another IP address. */
    public static final int ERR_TOKEN_IP_MISMATCH = 0x80000017;
    /** §7.2 general: Port is already in use. */
    public static final int ERR_PORT_IN_USE = 0x80000018;
    /** §7.2 general: Network is dead. */
    public static final int ERR_NETWORK_DEAD = 0x80000019;
    /** §7.2 general: No master channel. */
    public static final int ERR_NO_MASTER_CHANNEL = 0x8000001A;
    /** §7.2 general: Already subscribed. */
    public static final int ERR_ALREADY_SUBSCRIBED = 0x8000001B;
    /** §7.2 general: Not subscribed. */
    public static final int ERR_NOT_SUBSCRIBED = 0x8000001C;
    /** §7.2 general: Encryption method not supported. */
    public static final int ERR_ENCRYPT_NO_SUPPORT = 0x8000001D;
    /** §7.2 general: Encryption is not initialized. */
    public static final int ERR_ENCRYPT_UNINITIALIZED = 0x8000001E;
    /** §7.2 general: Encryption is not acceptable. */
    public static final int ERR_ENCRYPT_UNACCEPTABLE = 0x8000001F;
    /** §7.2 general: Encryption is invalid. */
    public static final int ERR_ENCRYPT_INVALID = 0x80000020;
    /** §7.2 general: No common encryption method. */
    public static final int ERR_NO_COMMON_ENCRYPT = 0x80000021;
    /** §7.2 general: Channel was destroyed. */
    public static final int ERR_CHANNEL_DESTROYED = 0x80000022;
    /** §7.2 general: Channel was redirected. */
    public static final int ERR_CHANNEL_REDIRECTED = 0x80000023;
    /** §7.2 connection / login: Version mismatch. */
    public static final int VERSION_MISMATCH = 0x80000200;
    /** §7.2 connection / login: Insufficient buffer. */
    public static final int INSUF_BUFFER = 0x80000201;
    /** §7.2 connection / login: Not in use. */
    public static final int NOT_IN_USE = 0x80000202;
    /** §7.2 connection / login: Insufficient sockets. */
    public static final int INSUF_SOCKET = 0x80000203;
    /** §7.2 connection / login: Hardware error. */
    public static final int HARDWARE_ERROR = 0x80000204;
    /** §7.2 connection / login: Network is down. */
    public static final int NETWORK_DOWN = 0x80000205;
    /** §7.2 connection / login: Host is down. */
    public static final int HOST_DOWN = 0x80000206;
    /** §7.2 connection / login: Host is unreachable. */
    public static final int HOST_UNREACHABLE = 0x80000207;
    /** §7.2 connection / login: TCP/IP error. */
    public static final int TCPIP_ERROR = 0x80000208;
    /** §7.2 connection / login: Message is too large. */
    public static final int FAT_MESSAGE = 0x80000209;
    /** §7.2 connection / login: Proxy error. */
    public static final int PROXY_ERROR = 0x8000020A;
    /** §7.2 connection / login: Server is full. */
    public static final int SERVER_FULL = 0x8000020B;
    /** §7.2 connection / login: Server is not responding. */
    public static final int SERVER_NORESPOND = 0x8000020C;
    /** §7.2 connection / login: Cannot connect. */
    public static final int CANT_CONNECT = 0x8000020D;
    /** §7.2 connection / login: User has been removed. */
    public static final int USER_REMOVED = 0x8000020E;
    /** §7.2 connection / login: Protocol error. */
    public static final int PROTOCOL_ERROR = 0x8000020F;
    /** §7.2 connection / login: User is restricted. */
    public static final int USER_RESTRICTED = 0x80000210;
    /** §7.2 connection / login: Incorrect Username/Password. */
    public static final int INCORRECT_LOGIN = 0x80000211;
    /** §7.2 connection / login: Encryption mismatch. */
    public static final int ENCRYPT_MISMATCH = 0x80000212;
    /** §7.2 connection / login: User is not registered. */
    public static final int USER_UNREGISTERED = 0x80000213;
    /** §7.2 connection / login: Login verification down or unavailable. */
    public static final int VERIFICATION_DOWN = 0x80000214;
    /** §7.2 connection / login: User was idle too long. */
    public static final int USER_TOO_IDLE = 0x80000216;
    /** §7.2 connection / login: The guest name is currently being used. */
    public static final int GUEST_IN_USE = 0x80000217;
    /** §7.2 connection / login: User already exists. */
    public static final int USER_EXISTS = 0x80000218;
    /** §7.2 connection / login: User logged in again. */
    public static final int USER_RE_LOGIN = 0x80000219;
    /** §7.2 connection / login: Invalid name. */
    public static final int BAD_NAME = 0x8000021A;
    /** §7.2 connection / login: Registration mode not supported. */
    public static final int REG_MODE_NS = 0x8000021B;
    /** §7.2 connection / login: Wrong user privileges. */
    public static final int WRONG_USER_PRIV = 0x8000021C;
    /** §7.2 connection / login: E-mail address required. */
    public static final int NEED_EMAIL = 0x8000021D;
    /** §7.2 connection / login: DNS error. */
    public static final int DNS_ERROR = 0x8000021E;
    /** §7.2 connection / login: Fatal DNS error. */
    public static final int DNS_FATAL_ERROR = 0x8000021F;
    /** §7.2 connection / login: DNS name not found. */
    public static final int DNS_NOT_FOUND = 0x80000220;
    /** §7.2 connection / login: Connection broken. */
    public static final int CONNECTION_BROKEN = 0x80000221;
    /** §7.2 connection / login: Connection aborted. */
    public static final int CONNECTION_ABORTED = 0x80000222;
    /** §7.2 connection / login: Connection refused. */
    public static final int CONNECTION_REFUSED = 0x80000223;
    /** §7.2 connection / login: Connection reset. */
    public static final int CONNECTION_RESET = 0x80000224;
    /** §7.2 connection / login: Connection timed out. */
    public static final int CONNECTION_TIMED = 0x80000225;
    /** §7.2 connection / login: Connection closed. */
    public static final int CONNECTION_CLOSED = 0x80000226;
    /** §7.2 connection / login: Login to two different servers concurrently. */
    public static final int MULTI_SERVER_LOGIN = 0x80000227;
    /** §7.2 connection / login: Login to two different servers concurrently. */
    public static final int MULTI_SERVER_LOGIN2 = 0x80000228;
    /** §7.2 connection / login: Multiple login compatibility error. */
    public static final int MULTI_LOGIN_COMP = 0x80000229;
    /** §7.2 connection / login: Already logged in (multiple login). */
    public static final int MULTI_LOGIN_ALREADY = 0x8000022A;
    /** §7.2 connection / login: Server misconfiguration. */
    public static final int SERVER_BROKEN = 0x8000022B;
    /** §7.2 connection / login: Server path is outdated. */
    public static final int SERVER_PATH_OLD = 0x8000022C;
    /** §7.2 connection / login: Applet logged out. */
    public static final int APPLET_LOGOUT = 0x8000022D;
    /** §7.2 client / IM: User is not online. */
    public static final int ERR_CLIENT_USER_GONE = 0x80002000;
    /** §7.2 client / IM: User is in Do Not Disturb mode. */
    public static final int ERR_CLIENT_USER_DND = 0x80002001;
    /** §7.2 client / IM: Already logged in elsewhere. */
    public static final int ERR_CLIENT_USER_ELSEWHERE = 0x80002002;
    /** §7.2 client / IM: Cannot register a reserved type. */
    public static final int ERR_IM_COULDNT_REGISTER = 0x80002003;
    /** §7.2 client / IM: Requested type is already registered. */
    public static final int ERR_IM_ALREADY_REGISTERED = 0x80002004;
    /** §7.2 client / IM: Requested type is not registered. */
    public static final int ERR_IM_NOT_REGISTERED = 0x80002005;
    /** §7.2 file transfer (high bit not set): File transfer rejected. */
    public static final int FT_REJECTED = 0x08000606;

    /** Alias of {@link #ERR_SUCCESS} without the {@code ERR_} prefix. */
    public static final int SUCCESS = ERR_SUCCESS;
    /** Alias of {@link #ERR_FAILURE} without the {@code ERR_} prefix. */
    public static final int FAILURE = ERR_FAILURE;
    /** Alias of {@link #ERR_REQUEST_DELAY} without the {@code ERR_} prefix. */
    public static final int REQUEST_DELAY = ERR_REQUEST_DELAY;
    /** Alias of {@link #ERR_REQUEST_INVALID} without the {@code ERR_} prefix. */
    public static final int REQUEST_INVALID = ERR_REQUEST_INVALID;
    /** Alias of {@link #ERR_NOT_LOGGED_IN} without the {@code ERR_} prefix. */
    public static final int NOT_LOGGED_IN = ERR_NOT_LOGGED_IN;
    /** Alias of {@link #ERR_NOT_AUTHORIZED} without the {@code ERR_} prefix. */
    public static final int NOT_AUTHORIZED = ERR_NOT_AUTHORIZED;
    /** Alias of {@link #ERR_ABORT} without the {@code ERR_} prefix. */
    public static final int ABORT = ERR_ABORT;
    /** Alias of {@link #ERR_NO_ELEMENT} without the {@code ERR_} prefix. */
    public static final int NO_ELEMENT = ERR_NO_ELEMENT;
    /** Alias of {@link #ERR_NO_USER} without the {@code ERR_} prefix. */
    public static final int NO_USER = ERR_NO_USER;
    /** Alias of {@link #ERR_BAD_DATA} without the {@code ERR_} prefix. */
    public static final int BAD_DATA = ERR_BAD_DATA;
    /** Alias of {@link #ERR_NOT_IMPLEMENTED} without the {@code ERR_} prefix. */
    public static final int NOT_IMPLEMENTED = ERR_NOT_IMPLEMENTED;
    /** Alias of {@link #ERR_UNKNOWN_ERROR} without the {@code ERR_} prefix. */
    public static final int UNKNOWN_ERROR = ERR_UNKNOWN_ERROR;
    /** Alias of {@link #ERR_STARVING} without the {@code ERR_} prefix. */
    public static final int STARVING = ERR_STARVING;
    /** Alias of {@link #ERR_CHANNEL_NO_SUPPORT} without the {@code ERR_} prefix. */
    public static final int CHANNEL_NO_SUPPORT = ERR_CHANNEL_NO_SUPPORT;
    /** Alias of {@link #ERR_CHANNEL_EXISTS} without the {@code ERR_} prefix. */
    public static final int CHANNEL_EXISTS = ERR_CHANNEL_EXISTS;
    /** Alias of {@link #ERR_SERVICE_NO_SUPPORT} without the {@code ERR_} prefix. */
    public static final int SERVICE_NO_SUPPORT = ERR_SERVICE_NO_SUPPORT;
    /** Alias of {@link #ERR_PROTOCOL_NO_SUPPORT} without the {@code ERR_} prefix. */
    public static final int PROTOCOL_NO_SUPPORT = ERR_PROTOCOL_NO_SUPPORT;
    /** Alias of {@link #ERR_PROTOCOL_NO_SUPPORT2} without the {@code ERR_} prefix. */
    public static final int PROTOCOL_NO_SUPPORT2 = ERR_PROTOCOL_NO_SUPPORT2;
    /** Alias of {@link #ERR_VERSION_NO_SUPPORT} without the {@code ERR_} prefix. */
    public static final int VERSION_NO_SUPPORT = ERR_VERSION_NO_SUPPORT;
    /** Alias of {@link #ERR_USER_SKETCHY} without the {@code ERR_} prefix. */
    public static final int USER_SKETCHY = ERR_USER_SKETCHY;
    /** Alias of {@link #ERR_ALREADY_INITIALIZED} without the {@code ERR_} prefix. */
    public static final int ALREADY_INITIALIZED = ERR_ALREADY_INITIALIZED;
    /** Alias of {@link #ERR_NOT_OWNER} without the {@code ERR_} prefix. */
    public static final int NOT_OWNER = ERR_NOT_OWNER;
    /** Alias of {@link #ERR_TOKEN_INVALID} without the {@code ERR_} prefix. */
    public static final int TOKEN_INVALID = ERR_TOKEN_INVALID;
    /** Alias of {@link #ERR_TOKEN_EXPIRED} without the {@code ERR_} prefix. */
    public static final int TOKEN_EXPIRED = ERR_TOKEN_EXPIRED;
    /** Alias of {@link #ERR_TOKEN_IP_MISMATCH} without the {@code ERR_} prefix. */
    public static final int TOKEN_IP_MISMATCH = ERR_TOKEN_IP_MISMATCH;
    /** Alias of {@link #ERR_PORT_IN_USE} without the {@code ERR_} prefix. */
    public static final int PORT_IN_USE = ERR_PORT_IN_USE;
    /** Alias of {@link #ERR_NETWORK_DEAD} without the {@code ERR_} prefix. */
    public static final int NETWORK_DEAD = ERR_NETWORK_DEAD;
    /** Alias of {@link #ERR_NO_MASTER_CHANNEL} without the {@code ERR_} prefix. */
    public static final int NO_MASTER_CHANNEL = ERR_NO_MASTER_CHANNEL;
    /** Alias of {@link #ERR_ALREADY_SUBSCRIBED} without the {@code ERR_} prefix. */
    public static final int ALREADY_SUBSCRIBED = ERR_ALREADY_SUBSCRIBED;
    /** Alias of {@link #ERR_NOT_SUBSCRIBED} without the {@code ERR_} prefix. */
    public static final int NOT_SUBSCRIBED = ERR_NOT_SUBSCRIBED;
    /** Alias of {@link #ERR_ENCRYPT_NO_SUPPORT} without the {@code ERR_} prefix. */
    public static final int ENCRYPT_NO_SUPPORT = ERR_ENCRYPT_NO_SUPPORT;
    /** Alias of {@link #ERR_ENCRYPT_UNINITIALIZED} without the {@code ERR_} prefix. */
    public static final int ENCRYPT_UNINITIALIZED = ERR_ENCRYPT_UNINITIALIZED;
    /** Alias of {@link #ERR_ENCRYPT_UNACCEPTABLE} without the {@code ERR_} prefix. */
    public static final int ENCRYPT_UNACCEPTABLE = ERR_ENCRYPT_UNACCEPTABLE;
    /** Alias of {@link #ERR_ENCRYPT_INVALID} without the {@code ERR_} prefix. */
    public static final int ENCRYPT_INVALID = ERR_ENCRYPT_INVALID;
    /** Alias of {@link #ERR_NO_COMMON_ENCRYPT} without the {@code ERR_} prefix. */
    public static final int NO_COMMON_ENCRYPT = ERR_NO_COMMON_ENCRYPT;
    /** Alias of {@link #ERR_CHANNEL_DESTROYED} without the {@code ERR_} prefix. */
    public static final int CHANNEL_DESTROYED = ERR_CHANNEL_DESTROYED;
    /** Alias of {@link #ERR_CHANNEL_REDIRECTED} without the {@code ERR_} prefix. */
    public static final int CHANNEL_REDIRECTED = ERR_CHANNEL_REDIRECTED;
    /** Alias of {@link #ERR_CLIENT_USER_GONE} without the {@code ERR_} prefix. */
    public static final int CLIENT_USER_GONE = ERR_CLIENT_USER_GONE;
    /** Alias of {@link #ERR_CLIENT_USER_DND} without the {@code ERR_} prefix. */
    public static final int CLIENT_USER_DND = ERR_CLIENT_USER_DND;
    /** Alias of {@link #ERR_CLIENT_USER_ELSEWHERE} without the {@code ERR_} prefix. */
    public static final int CLIENT_USER_ELSEWHERE = ERR_CLIENT_USER_ELSEWHERE;
    /** Alias of {@link #ERR_IM_COULDNT_REGISTER} without the {@code ERR_} prefix. */
    public static final int IM_COULDNT_REGISTER = ERR_IM_COULDNT_REGISTER;
    /** Alias of {@link #ERR_IM_ALREADY_REGISTERED} without the {@code ERR_} prefix. */
    public static final int IM_ALREADY_REGISTERED = ERR_IM_ALREADY_REGISTERED;
    /** Alias of {@link #ERR_IM_NOT_REGISTERED} without the {@code ERR_} prefix. */
    public static final int IM_NOT_REGISTERED = ERR_IM_NOT_REGISTERED;

    private ErrorCode() {
    }

    /**
     * @param code a reason code
     * @return the spec name (§7.2), or {@code "UNKNOWN(0x…)"}
     */
    public static String name(int code) {
        String[] e = ErrorCodeTable.lookup(code);
        return e != null ? e[0] : String.format("UNKNOWN(0x%08X)", code);
    }

    /**
     * A human text like the one Meanwhile shows: Meanwhile's own text where it has one (§7.2),
     * otherwise one derived from the name.
     *
     * @param code a reason code
     * @return the text, or {@code "Unknown error 0x…"}
     */
    public static String text(int code) {
        String[] e = ErrorCodeTable.lookup(code);
        return e != null ? e[1] : String.format("Unknown error 0x%08X", code);
    }

    /**
     * @param code a reason code
     * @return whether bit 31 is set, i.e. the code denotes an error (§7.2)
     */
    public static boolean isError(int code) {
        return code < 0;
    }
}
