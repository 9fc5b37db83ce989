package org.openst.protocol;

import java.util.HashMap;
import java.util.Map;

/** Name and text of every {@link ErrorCode} (§7.2); kept apart so ErrorCode stays a plain list. */
final class ErrorCodeTable {
    private static final Map<Integer, String[]> TABLE = new HashMap<>();

    static {
        put(ErrorCode.ERR_SUCCESS, "ERR_SUCCESS", "Success");
        put(ErrorCode.ERR_FAILURE, "ERR_FAILURE", "General failure");
        put(ErrorCode.ERR_REQUEST_DELAY, "ERR_REQUEST_DELAY", "Request delayed");
        put(ErrorCode.ERR_REQUEST_INVALID, "ERR_REQUEST_INVALID", "Request is invalid");
        put(ErrorCode.ERR_NOT_LOGGED_IN, "ERR_NOT_LOGGED_IN", "Not logged in");
        put(ErrorCode.ERR_NOT_AUTHORIZED, "ERR_NOT_AUTHORIZED", "Not authorized");
        put(ErrorCode.ERR_ABORT, "ERR_ABORT", "Operation aborted");
        put(ErrorCode.ERR_NO_ELEMENT, "ERR_NO_ELEMENT", "No such element");
        put(ErrorCode.ERR_NO_USER, "ERR_NO_USER", "User is not online");
        put(ErrorCode.ERR_BAD_DATA, "ERR_BAD_DATA", "Bad data");
        put(ErrorCode.ERR_NOT_IMPLEMENTED, "ERR_NOT_IMPLEMENTED", "Not implemented");
        put(ErrorCode.ERR_UNKNOWN_ERROR, "ERR_UNKNOWN_ERROR", "Unknown error");
        put(ErrorCode.ERR_STARVING, "ERR_STARVING", "Server is starving (out of resources)");
        put(ErrorCode.ERR_CHANNEL_NO_SUPPORT, "ERR_CHANNEL_NO_SUPPORT", "Requested channel is not supported");
        put(ErrorCode.ERR_CHANNEL_EXISTS, "ERR_CHANNEL_EXISTS", "Requested channel already exists");
        put(ErrorCode.ERR_SERVICE_NO_SUPPORT, "ERR_SERVICE_NO_SUPPORT", "Requested service is not supported");
        put(ErrorCode.ERR_PROTOCOL_NO_SUPPORT, "ERR_PROTOCOL_NO_SUPPORT", "Requested protocol is not supported");
        put(ErrorCode.ERR_PROTOCOL_NO_SUPPORT2, "ERR_PROTOCOL_NO_SUPPORT2", "Requested protocol is not supported");
        put(ErrorCode.ERR_VERSION_NO_SUPPORT, "ERR_VERSION_NO_SUPPORT", "Version is not supported");
        put(ErrorCode.ERR_USER_SKETCHY, "ERR_USER_SKETCHY", "User is invalid or not trusted");
        put(ErrorCode.ERR_ALREADY_INITIALIZED, "ERR_ALREADY_INITIALIZED", "Already initialized");
        put(ErrorCode.ERR_NOT_OWNER, "ERR_NOT_OWNER", "Not the owner");
        put(ErrorCode.ERR_TOKEN_INVALID, "ERR_TOKEN_INVALID", "Login token is invalid");
        put(ErrorCode.ERR_TOKEN_EXPIRED, "ERR_TOKEN_EXPIRED", "Login token has expired");
        put(ErrorCode.ERR_TOKEN_IP_MISMATCH, "ERR_TOKEN_IP_MISMATCH", "Login token was issued for another IP address");
        put(ErrorCode.ERR_PORT_IN_USE, "ERR_PORT_IN_USE", "Port is already in use");
        put(ErrorCode.ERR_NETWORK_DEAD, "ERR_NETWORK_DEAD", "Network is dead");
        put(ErrorCode.ERR_NO_MASTER_CHANNEL, "ERR_NO_MASTER_CHANNEL", "No master channel");
        put(ErrorCode.ERR_ALREADY_SUBSCRIBED, "ERR_ALREADY_SUBSCRIBED", "Already subscribed");
        put(ErrorCode.ERR_NOT_SUBSCRIBED, "ERR_NOT_SUBSCRIBED", "Not subscribed");
        put(ErrorCode.ERR_ENCRYPT_NO_SUPPORT, "ERR_ENCRYPT_NO_SUPPORT", "Encryption method not supported");
        put(ErrorCode.ERR_ENCRYPT_UNINITIALIZED, "ERR_ENCRYPT_UNINITIALIZED", "Encryption is not initialized");
        put(ErrorCode.ERR_ENCRYPT_UNACCEPTABLE, "ERR_ENCRYPT_UNACCEPTABLE", "Encryption is not acceptable");
        put(ErrorCode.ERR_ENCRYPT_INVALID, "ERR_ENCRYPT_INVALID", "Encryption is invalid");
        put(ErrorCode.ERR_NO_COMMON_ENCRYPT, "ERR_NO_COMMON_ENCRYPT", "No common encryption method");
        put(ErrorCode.ERR_CHANNEL_DESTROYED, "ERR_CHANNEL_DESTROYED", "Channel was destroyed");
        put(ErrorCode.ERR_CHANNEL_REDIRECTED, "ERR_CHANNEL_REDIRECTED", "Channel was redirected");
        put(ErrorCode.VERSION_MISMATCH, "VERSION_MISMATCH", "Version mismatch");
        put(ErrorCode.INSUF_BUFFER, "INSUF_BUFFER", "Insufficient buffer");
        put(ErrorCode.NOT_IN_USE, "NOT_IN_USE", "Not in use");
        put(ErrorCode.INSUF_SOCKET, "INSUF_SOCKET", "Insufficient sockets");
        put(ErrorCode.HARDWARE_ERROR, "HARDWARE_ERROR", "Hardware error");
        put(ErrorCode.NETWORK_DOWN, "NETWORK_DOWN", "Network is down");
        put(ErrorCode.HOST_DOWN, "HOST_DOWN", "Host is down");
        put(ErrorCode.HOST_UNREACHABLE, "HOST_UNREACHABLE", "Host is unreachable");
        put(ErrorCode.TCPIP_ERROR, "TCPIP_ERROR", "TCP/IP error");
        put(ErrorCode.FAT_MESSAGE, "FAT_MESSAGE", "Message is too large");
        put(ErrorCode.PROXY_ERROR, "PROXY_ERROR", "Proxy error");
        put(ErrorCode.SERVER_FULL, "SERVER_FULL", "Server is full");
        put(ErrorCode.SERVER_NORESPOND, "SERVER_NORESPOND", "Server is not responding");
        put(ErrorCode.CANT_CONNECT, "CANT_CONNECT", "Cannot connect");
        put(ErrorCode.USER_REMOVED, "USER_REMOVED", "User has been removed");
        put(ErrorCode.PROTOCOL_ERROR, "PROTOCOL_ERROR", "Protocol error");
        put(ErrorCode.USER_RESTRICTED, "USER_RESTRICTED", "User is restricted");
        put(ErrorCode.INCORRECT_LOGIN, "INCORRECT_LOGIN", "Incorrect Username/Password");
        put(ErrorCode.ENCRYPT_MISMATCH, "ENCRYPT_MISMATCH", "Encryption mismatch");
        put(ErrorCode.USER_UNREGISTERED, "USER_UNREGISTERED", "User is not registered");
        put(ErrorCode.VERIFICATION_DOWN, "VERIFICATION_DOWN", "Login verification down or unavailable");
        put(ErrorCode.USER_TOO_IDLE, "USER_TOO_IDLE", "User was idle too long");
        put(ErrorCode.GUEST_IN_USE, "GUEST_IN_USE", "The guest name is currently being used");
        put(ErrorCode.USER_EXISTS, "USER_EXISTS", "User already exists");
        put(ErrorCode.USER_RE_LOGIN, "USER_RE_LOGIN", "User logged in again");
        put(ErrorCode.BAD_NAME, "BAD_NAME", "Invalid name");
        put(ErrorCode.REG_MODE_NS, "REG_MODE_NS", "Registration mode not supported");
        put(ErrorCode.WRONG_USER_PRIV, "WRONG_USER_PRIV", "Wrong user privileges");
        put(ErrorCode.NEED_EMAIL, "NEED_EMAIL", "E-mail address required");
        put(ErrorCode.DNS_ERROR, "DNS_ERROR", "DNS error");
        put(ErrorCode.DNS_FATAL_ERROR, "DNS_FATAL_ERROR", "Fatal DNS error");
        put(ErrorCode.DNS_NOT_FOUND, "DNS_NOT_FOUND", "DNS name not found");
        put(ErrorCode.CONNECTION_BROKEN, "CONNECTION_BROKEN", "Connection broken");
        put(ErrorCode.CONNECTION_ABORTED, "CONNECTION_ABORTED", "Connection aborted");
        put(ErrorCode.CONNECTION_REFUSED, "CONNECTION_REFUSED", "Connection refused");
        put(ErrorCode.CONNECTION_RESET, "CONNECTION_RESET", "Connection reset");
        put(ErrorCode.CONNECTION_TIMED, "CONNECTION_TIMED", "Connection timed out");
        put(ErrorCode.CONNECTION_CLOSED, "CONNECTION_CLOSED", "Connection closed");
        put(ErrorCode.MULTI_SERVER_LOGIN, "MULTI_SERVER_LOGIN", "Login to two different servers concurrently");
        put(ErrorCode.MULTI_SERVER_LOGIN2, "MULTI_SERVER_LOGIN2", "Login to two different servers concurrently");
        put(ErrorCode.MULTI_LOGIN_COMP, "MULTI_LOGIN_COMP", "Multiple login compatibility error");
        put(ErrorCode.MULTI_LOGIN_ALREADY, "MULTI_LOGIN_ALREADY", "Already logged in (multiple login)");
        put(ErrorCode.SERVER_BROKEN, "SERVER_BROKEN", "Server misconfiguration");
        put(ErrorCode.SERVER_PATH_OLD, "SERVER_PATH_OLD", "Server path is outdated");
        put(ErrorCode.APPLET_LOGOUT, "APPLET_LOGOUT", "Applet logged out");
        put(ErrorCode.ERR_CLIENT_USER_GONE, "ERR_CLIENT_USER_GONE", "User is not online");
        put(ErrorCode.ERR_CLIENT_USER_DND, "ERR_CLIENT_USER_DND", "User is in Do Not Disturb mode");
        put(ErrorCode.ERR_CLIENT_USER_ELSEWHERE, "ERR_CLIENT_USER_ELSEWHERE", "Already logged in elsewhere");
        put(ErrorCode.ERR_IM_COULDNT_REGISTER, "ERR_IM_COULDNT_REGISTER", "Cannot register a reserved type");
        put(ErrorCode.ERR_IM_ALREADY_REGISTERED, "ERR_IM_ALREADY_REGISTERED", "Requested type is already registered");
        put(ErrorCode.ERR_IM_NOT_REGISTERED, "ERR_IM_NOT_REGISTERED", "Requested type is not registered");
        put(ErrorCode.FT_REJECTED, "FT_REJECTED", "File transfer rejected");
    }

    private ErrorCodeTable() {
    }

    static String[] lookup(int code) {
        return TABLE.get(code);
    }

    private static void put(int code, String name, String text) {
        TABLE.put(code, new String[] {name, text});
    }
}
