package org.openst.admin.impl;

import java.util.Arrays;
import java.util.List;

import org.openst.hub.api.Community;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code openst:announce [--user USERID] TEXT...}: an administrator announcement (ADMIN, spec
 * §3.14) to every live login, or to every login of one user. Pidgin shows it in a dialog
 * "Sametime Administrator Announcement". The words are joined with single blanks; quote the text
 * to keep it as typed.
 */
@Component(service = AnnounceCommand.class, property = {"osgi.command.scope=openst", "osgi.command.function=announce"})
public final class AnnounceCommand {

    static final String USAGE = "usage: announce [--user USERID] TEXT...";

    private final Community community;

    @Activate
    public AnnounceCommand(@Reference Community community) {
        this.community = community;
    }

    /** The command; Gogo prints what it returns. */
    public String announce(String... args) {
        List<String> words = Arrays.asList(args);
        String userId = null;
        if (!words.isEmpty() && words.get(0).equals("--user")) {
            if (words.size() < 2) {
                throw new IllegalArgumentException("--user needs a user ID; " + USAGE);
            }
            userId = words.get(1);
            words = words.subList(2, words.size());
        }
        String text = String.join(" ", words).strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("no text; " + USAGE);
        }
        if (userId == null) {
            int n = community.broadcastAdminMessage(text);
            return "announced to " + n + (n == 1 ? " login" : " logins");
        }
        int n = community.sendAdminMessage(userId, text);
        if (n == 0) {
            throw new IllegalArgumentException(userId + " is not online");
        }
        return "announced to " + userId + " (" + n + (n == 1 ? " login)" : " logins)");
    }
}
