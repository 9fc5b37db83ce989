package org.openst.chatlogging.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.openst.chatlogging.api.ChatLog;
import org.openst.storage.api.ChatEntry;
import org.openst.storage.api.ChatPage;
import org.openst.storage.api.ChatQuery;
import org.openst.storage.api.StorageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Gogo shell command {@code openst:chatlog}: reads the chat log, one line per entry,
 * oldest first, {@value #PAGE_SIZE} to a page.
 *
 * <pre>
 * chatlog [--user U] [--conversation C] [--since T] [--until T] [--text S] [--page N]
 * </pre>
 *
 * T is an instant ({@code 2026-11-24T10:15:00Z}), a local date-time or a date, both taken as UTC.
 */
@Component(name = ChatLogComponent.SHELL_COMMAND, service = Object.class, property = {"osgi.command.scope=openst", "osgi.command.function=chatlog"})
public final class ChatLogCommand {
    static final int PAGE_SIZE = 50;
    static final String USAGE = "usage: chatlog [--user U] [--conversation C] [--since T] [--until T] [--text S] "
            + "[--page N]\n  T: 2026-11-24T10:15:00Z, 2026-11-24T10:15 or 2026-11-24 (UTC); pages start at 1";

    private final ChatLog chatLog;

    @Activate
    public ChatLogCommand(@Reference(name = "ChatLog", target = ChatLogComponent.OURS) ChatLog chatLog) {
        this.chatLog = chatLog;
    }

    /** The command; Gogo prints what it returns. */
    public String chatlog(String... args) {
        ChatQuery query;
        try {
            query = parse(args);
        } catch (IllegalArgumentException e) {
            return e.getMessage() + "\n" + USAGE;
        }
        ChatPage page;
        try {
            page = chatLog.find(query);
        } catch (StorageException e) {
            return "chat log not readable: " + e.getMessage();
        }
        StringBuilder out = new StringBuilder();
        for (ChatEntry entry : page.entries()) {
            out.append(line(entry)).append('\n');
        }
        int pageNumber = query.offset() / PAGE_SIZE + 1;
        if (page.entries().isEmpty()) {
            out.append(pageNumber == 1 ? "no entries\n" : "no entries on page " + pageNumber + "\n");
        }
        if (page.more()) {
            out.append("more: --page ").append(pageNumber + 1).append('\n');
        }
        if (!chatLog.isEnabled()) {
            out.append("(chat logging is disabled)\n");
        }
        return out.toString();
    }

    static ChatQuery parse(String... args) {
        ChatQuery q = ChatQuery.all(PAGE_SIZE);
        int page = 1;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                throw new IllegalArgumentException("chatlog: reads the chat log");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--user":
                    q = q.byUser(value);
                    break;
                case "--conversation":
                    q = q.byConversation(value);
                    break;
                case "--since":
                    q = q.between(instant(value), q.to());
                    break;
                case "--until":
                    q = q.between(q.from(), instant(value));
                    break;
                case "--text":
                    q = q.containing(value);
                    break;
                case "--page":
                    page = pageNumber(value);
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new ChatQuery(q.userId(), q.conversationId(), q.from(), q.to(), q.textContains(),
                (page - 1) * PAGE_SIZE, PAGE_SIZE);
    }

    /** "time kind conversation from -> to: text", the text on one line. */
    static String line(ChatEntry e) {
        String to = e.toUserId().isEmpty() ? "*" : e.toUserId();
        String text = e.text().replace("\r", "\\r").replace("\n", "\\n");
        String format = e.format().equals("text") ? "" : "[" + e.format() + "] ";
        return e.at() + " " + e.kind() + " " + e.conversationId() + " " + e.fromUserId() + " -> " + to + ": " + format
                + text;
    }

    static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notDateTime) {
                try {
                    return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw new IllegalArgumentException("not a time: " + value);
                }
            }
        }
    }

    private static int pageNumber(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= Integer.MAX_VALUE / PAGE_SIZE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("not a page number: " + value);
    }
}
