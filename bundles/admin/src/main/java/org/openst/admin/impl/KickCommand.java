package org.openst.admin.impl;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.openst.hub.api.Community;
import org.openst.hub.api.Login;
import org.openst.protocol.ErrorCode;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code openst:kick [--code CODE] LOGINID [REASON...]}: ends one login.
 *
 * <p>A session-ending CHANNEL_DESTROY carries only a reason code, and Pidgin shows Meanwhile's
 * text for it (spec §3.10, §7.2); there is no room for the administrator's words. So the reason
 * text, when given, first goes to the user as an administrator announcement (ADMIN, §3.14: Pidgin
 * opens a "Sametime Administrator Announcement" dialog), then the login is ended with the code.
 * Both travel on the same connection in that order. The announcement reaches every login of the
 * user (the hub addresses ADMIN by user), so when the user has several it says which one ended.
 *
 * <p>The default code is {@code USER_RESTRICTED}: Pidgin classes it "authentication failed" and
 * does not reconnect, so the kick sticks until the user logs in again by hand. A "network" code
 * such as {@code CONNECTION_CLOSED} makes Pidgin reconnect at once (§7.2). Codes must have bit 31
 * set, or Pidgin would not report the end at all (§3.10).
 */
@Component(service = KickCommand.class, property = {"osgi.command.scope=openst", "osgi.command.function=kick"})
public final class KickCommand {

    static final int DEFAULT_CODE = ErrorCode.USER_RESTRICTED;
    static final String USAGE = "usage: kick [--code NAME|0xHEX] LOGINID [REASON...]  (login IDs: openst:sessions)";

    /** The ranges of §7.2's error codes, searched to read a code given by name. */
    private static final List<int[]> CODE_RANGES = List.of(new int[] {0x80000000, 0x80000023},
            new int[] {0x80000200, 0x8000022D}, new int[] {0x80002000, 0x80002005});

    private final Community community;

    @Activate
    public KickCommand(@Reference Community community) {
        this.community = community;
    }

    /** The command; Gogo prints what it returns. */
    public String kick(String... args) {
        List<String> words = Arrays.asList(args);
        int code = DEFAULT_CODE;
        if (!words.isEmpty() && words.get(0).equals("--code")) {
            if (words.size() < 2) {
                throw new IllegalArgumentException("--code needs a value; " + USAGE);
            }
            code = parseCode(words.get(1));
            words = words.subList(2, words.size());
        }
        if (words.isEmpty() || words.get(0).startsWith("--")) {
            throw new IllegalArgumentException(USAGE);
        }
        String loginId = words.get(0);
        String reason = TextTable.oneLine(String.join(" ", words.subList(1, words.size()))).strip();
        Optional<Login> found = community.login(loginId);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no login " + loginId + " (openst:sessions lists them)");
        }
        Login login = found.get();
        String who = login.userId() + ", " + SessionsCommand.address(login.remoteAddress()) + ", "
                + SessionsCommand.client(login.loginType());
        if (!reason.isEmpty()) {
            community.sendAdminMessage(login.userId(), announcement(login, reason));
        }
        if (!community.kick(loginId, code)) {
            throw new IllegalArgumentException("login " + loginId + " ended before the kick");
        }
        return "kicked " + loginId + " (" + who + ") with " + ErrorCode.name(code) + String.format(" (0x%08X)", code)
                + (reason.isEmpty() ? "" : "; told the user: " + reason);
    }

    /** What the user reads: which login ended, when the user has others that stay. */
    private String announcement(Login login, String reason) {
        if (community.loginsOf(login.userId()).size() <= 1) {
            return "The administrator disconnected you: " + reason;
        }
        String client = SessionsCommand.client(login.loginType());
        return "The administrator disconnected your login from " + login.remoteAddress().getHostString() + " ("
                + client.substring(client.indexOf(' ') + 1) + "): " + reason;
    }

    /** A spec name ({@code USER_RESTRICTED}, any case), hex ({@code 0x80000210}) or decimal; bit 31 must be set. */
    static int parseCode(String text) {
        String t = text.strip();
        Integer code = null;
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                code = Integer.parseUnsignedInt(t.substring(2), 16);
            } else if (!t.isEmpty() && Character.isDigit(t.charAt(0))) {
                code = Integer.parseUnsignedInt(t);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a code: " + text);
        }
        if (code == null) {
            code = byName(t.toUpperCase(Locale.ROOT));
        }
        if (!ErrorCode.isError(code)) {
            throw new IllegalArgumentException(String.format("code 0x%08X has no error bit (0x80000000): Pidgin would not"
                    + " report the disconnection (spec §3.10)", code));
        }
        return code;
    }

    private static int byName(String name) {
        for (int[] range : CODE_RANGES) {
            for (int c = range[0]; c <= range[1]; c++) {
                if (ErrorCode.name(c).equals(name) || ErrorCode.name(c).equals("ERR_" + name)) {
                    return c;
                }
            }
        }
        throw new IllegalArgumentException("unknown code " + name + " (names of spec §7.2, e.g. USER_RESTRICTED, "
                + "CONNECTION_CLOSED, or 0x80000210)");
    }
}
