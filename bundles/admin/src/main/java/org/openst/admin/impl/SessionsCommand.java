package org.openst.admin.impl;

import java.net.InetSocketAddress;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.openst.hub.api.Community;
import org.openst.hub.api.Login;
import org.openst.protocol.ClientType;
import org.openst.protocol.UserStatus;
import org.openst.protocol.UserStatusCode;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code openst:sessions [USERID]}: the live logins, one line each, ordered by user ID then login
 * time. Columns: user, name, login ID, address, client (login type in hex and its §1.3 name),
 * since (UTC), status (and its message).
 */
@Component(service = SessionsCommand.class, property = {"osgi.command.scope=openst", "osgi.command.function=sessions"})
public final class SessionsCommand {

    private static final Comparator<Login> ORDER = Comparator.comparing((Login l) -> l.userId().toLowerCase(Locale.ROOT))
            .thenComparing(Login::since).thenComparing(Login::loginId);

    private final Community community;

    @Activate
    public SessionsCommand(@Reference Community community) {
        this.community = community;
    }

    /** Every live login. */
    public String sessions() {
        Collection<Login> logins = community.logins();
        return logins.isEmpty() ? "no sessions" : render(logins);
    }

    /** The live logins of one user. */
    public String sessions(String userId) {
        List<Login> logins = community.loginsOf(userId);
        if (logins.isEmpty()) {
            throw new IllegalArgumentException(userId + " is not online");
        }
        return render(logins);
    }

    private static String render(Collection<Login> logins) {
        List<Login> sorted = new ArrayList<>(logins);
        sorted.sort(ORDER);
        TextTable table = new TextTable("user", "name", "login ID", "address", "client", "since", "status");
        for (Login l : sorted) {
            table.row(l.isGuest() ? "(guest)" : l.userId(), TextTable.oneLine(l.userName()), l.loginId(),
                    address(l.remoteAddress()), client(l.loginType()), l.since().truncatedTo(ChronoUnit.SECONDS).toString(),
                    status(l.status()));
        }
        return table.render() + sorted.size() + (sorted.size() == 1 ? " session" : " sessions");
    }

    static String address(InetSocketAddress a) {
        return a == null ? "-" : a.getHostString() + ":" + a.getPort();
    }

    /** The login type in hex, with its name when §1.3 knows it. */
    static String client(int loginType) {
        String name = ClientType.name(loginType);
        String hex = String.format("0x%04X", loginType);
        return name.startsWith("unknown") ? hex : hex + " " + name;
    }

    /** active, idle, away, busy (§7.1), "mobile" when flagged, then the status message in quotes. */
    static String status(UserStatus s) {
        int code = s.status() & ~UserStatusCode.MOBILE;
        String name = switch (code) {
            case UserStatusCode.ACTIVE -> "active";
            case UserStatusCode.IDLE -> "idle";
            case UserStatusCode.AWAY -> "away";
            case UserStatusCode.BUSY -> "busy";
            case UserStatusCode.OFFLINE -> "offline";
            default -> String.format("0x%04X", code);
        };
        if ((s.status() & UserStatusCode.MOBILE) != 0) {
            name += " mobile";
        }
        String message = s.desc() == null ? "" : TextTable.oneLine(s.desc()).strip();
        return message.isEmpty() ? name : name + " \"" + message + "\"";
    }
}
