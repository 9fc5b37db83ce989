package org.openst.directory.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.openst.directory.api.Directory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The shell command {@code openst:user add|remove|list}: edits the users file of the embedded
 * directory while the hub runs, like {@code bin/openst-user} (same file format and editor), and
 * has the directory re-read the file at once, so a user added can log in right away and a user
 * removed cannot log in any more (logins already made stay up).
 *
 * <p>A plain object with the Gogo service properties (Gogo calls the public method named like the
 * function), so the bundle needs no Gogo import. It exists while the embedded directory is active,
 * whichever directory has the highest ranking. Errors are thrown as {@link IllegalArgumentException}
 * with a one-line message (the shell prints it).
 */
@Component(service = UsersCommand.class, property = {"osgi.command.scope=openst", "osgi.command.function=user"})
public final class UsersCommand {

    static final String USAGE = "usage: user add [--replace] USERID PASSWORD \"DISPLAY NAME\" [DESCRIPTION] | user remove USERID | user list";

    private final EmbeddedDirectory directory;
    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public UsersCommand(@Reference(service = Directory.class, target = "(component.name=" + EmbeddedDirectory.PID + ")")
            Directory directory) {
        this(embedded(directory), PasswordHash.DEFAULT_ITERATIONS);
    }

    UsersCommand(EmbeddedDirectory directory, int iterations) {
        this.directory = directory;
        this.iterations = iterations;
    }

    /** The target filter names this bundle's component, so the service object is that very instance. */
    private static EmbeddedDirectory embedded(Directory directory) {
        if (directory instanceof EmbeddedDirectory e) {
            return e;
        }
        throw new IllegalStateException("the service named " + EmbeddedDirectory.PID + " is not the embedded directory: "
                + directory.getClass().getName());
    }

    /** The command; Gogo prints what it returns. */
    public synchronized String user(String... args) {
        List<String> words = new ArrayList<>(Arrays.asList(args));
        if (words.isEmpty()) {
            throw new IllegalArgumentException(USAGE);
        }
        String sub = words.remove(0);
        try {
            return switch (sub) {
                case "add" -> add(words);
                case "remove" -> remove(words);
                case "list" -> list(words);
                default -> throw new IllegalArgumentException("unknown subcommand '" + sub + "'; " + USAGE);
            };
        } catch (IOException e) {
            throw new UncheckedIOException("users file " + directory.usersFile() + ": " + e.getMessage(), e);
        }
    }

    private String add(List<String> words) throws IOException {
        boolean replace = words.remove("--replace");
        if (words.size() < 3 || words.size() > 4) {
            throw new IllegalArgumentException(USAGE);
        }
        String userId = words.get(0).strip();
        char[] password = words.get(1).toCharArray();
        String name = words.get(2).strip();
        String description = words.size() == 4 ? words.get(3).strip() : "";
        UsersFileEditor.checkNewEntry(userId, name, description);
        if (password.length == 0) {
            throw new IllegalArgumentException("empty password refused");
        }
        UsersFileEditor editor = new UsersFileEditor(directory.usersFile());
        if (!replace && editor.contains(userId)) {
            throw new IllegalArgumentException("user " + userId + " exists; add --replace to give it a new password and names");
        }
        UserEntry entry;
        try {
            entry = new UserEntry(userId, name, description, PasswordHash.create(password, iterations, random), false);
        } finally {
            Arrays.fill(password, '\0');
        }
        boolean replaced = editor.put(entry);
        directory.reloadNow();
        return (replaced ? "replaced " : "added ") + userId + " (" + name + ") in " + editor.file() + "; "
                + (replaced ? "the new password applies" : userId + " can log in") + " now";
    }

    private String remove(List<String> words) throws IOException {
        if (words.size() != 1) {
            throw new IllegalArgumentException(USAGE);
        }
        String userId = words.get(0).strip();
        UsersFileEditor editor = new UsersFileEditor(directory.usersFile());
        if (!editor.remove(userId)) {
            throw new IllegalArgumentException("no user " + userId + " in " + editor.file());
        }
        directory.reloadNow();
        return "removed " + userId + " from " + editor.file() + "; new logins are refused, logins made before stay up";
    }

    private String list(List<String> words) throws IOException {
        if (!words.isEmpty()) {
            throw new IllegalArgumentException("list takes no arguments");
        }
        UsersFileEditor editor = new UsersFileEditor(directory.usersFile());
        UsersFileFormat.Result r = editor.read();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"user ID", "display name", "state", "description"});
        for (UserEntry e : r.entries()) {
            rows.add(new String[] {e.userId(), e.displayName(), e.disabled() ? "disabled" : "enabled", e.description()});
        }
        StringBuilder out = new StringBuilder(aligned(rows));
        for (UsersFileFormat.Problem p : r.problems()) {
            out.append(p.describe(editor.file().toString())).append(" (line skipped)\n");
        }
        out.append(r.entries().size()).append(r.entries().size() == 1 ? " user in " : " users in ").append(editor.file());
        return out.toString();
    }

    /** Columns padded to their widest cell and separated by two blanks; the last one is not padded. */
    static String aligned(List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(c + 1 < columns ? String.format("%-" + width[c] + "s  ", row[c]) : row[c]);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
