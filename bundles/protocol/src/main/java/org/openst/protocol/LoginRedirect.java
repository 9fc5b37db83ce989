package org.openst.protocol;

/**
 * LOGIN_REDIRECT {@code 0x0018} (§3.5, S→C): please use another server. Send only after
 * successful authentication, instead of LOGIN_ACK (§3.5 REC, §8.4). Null strings become "".
 *
 * @param host host name or address the client should use (same port)
 * @param serverId ID of that server; may be ""
 */
public record LoginRedirect(String host, String serverId) implements Message {

    /** Normalises nulls. */
    public LoginRedirect {
        host = Strings.orEmpty(host);
        serverId = Strings.orEmpty(serverId);
    }

    @Override
    public int type() {
        return MessageType.LOGIN_REDIRECT;
    }

    @Override
    public int channel() {
        return 0;
    }

    static LoginRedirect readBody(WireReader r) {
        return new LoginRedirect(r.str(), r.str());
    }

    void writeBody(WireWriter w) {
        w.str(host).str(serverId);
    }
}
