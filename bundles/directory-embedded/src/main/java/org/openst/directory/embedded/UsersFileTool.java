package org.openst.directory.embedded;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line tool for the users file; needs nothing but this jar on the class path (no OSGi, no
 * logging library). The runtime wraps it as {@code bin/openst-user}.
 *
 * <pre>
 * add    [--iterations N] [--password-stdin] USERID "DISPLAY NAME" [DESCRIPTION]
 * remove USERID
 * list
 * check
 * hash   [--iterations N] [--password-stdin]
 * common option: --file PATH (default ${openst.home}/conf/users.conf, else conf/users.conf)
 * </pre>
 *
 * <p>The password is read from standard input (first line) when that is not a terminal or with
 * {@code --password-stdin}; otherwise it is prompted for twice without echo. Changes are written
 * to a temporary file that then replaces the users file, so a running hub never sees half a file.
 */
public final class UsersFileTool {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final String USAGE_TEXT = """
            usage: openst-user [--file PATH] COMMAND ...
              add [--iterations N] [--password-stdin] USERID "DISPLAY NAME" [DESCRIPTION]
                      add a user, or replace the user with that ID (ignoring case)
              remove USERID      remove a user
              list               list the users
              check              report bad lines; exit status 1 if there are any
              hash [--iterations N] [--password-stdin]
                      print a password hash for the users file
            The password is read from standard input (its first line) when that is not a terminal
            or with --password-stdin; otherwise it is asked for twice.
            --file defaults to ${openst.home}/conf/users.conf (openst.home: system property, else .).
            --iterations defaults to %d (PBKDF2-HMAC-SHA256).
            """.formatted(PasswordHash.DEFAULT_ITERATIONS);

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Console console;
    private final SecureRandom random = new SecureRandom();

    UsersFileTool(InputStream in, PrintStream out, PrintStream err, Console console) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.console = console;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(new UsersFileTool(System.in, out, err, System.console()).run(args));
    }

    /** Runs one command; returns the exit status. */
    int run(String... args) {
        Path file = null;
        Integer iterations = null;
        boolean passwordStdin = false;
        List<String> words = new ArrayList<>();
        boolean optionsDone = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (optionsDone || !a.startsWith("--")) {
                words.add(a);
            } else if (a.equals("--")) {
                optionsDone = true;
            } else if (a.equals("--password-stdin")) {
                passwordStdin = true;
            } else if (a.equals("--help")) {
                out.print(USAGE_TEXT);
                return OK;
            } else if (a.equals("--file") || a.equals("--iterations")) {
                if (i + 1 >= args.length) {
                    return usage(a + " needs a value");
                }
                String value = args[++i];
                if (a.equals("--file")) {
                    file = Path.of(value);
                } else {
                    try {
                        iterations = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        return usage("--iterations needs a number, not '" + value + "'");
                    }
                    if (iterations < 1 || iterations > PasswordHash.MAX_ITERATIONS) {
                        return usage("--iterations must be 1.." + PasswordHash.MAX_ITERATIONS);
                    }
                }
            } else {
                return usage("unknown option " + a);
            }
        }
        if (words.isEmpty()) {
            return usage("no command");
        }
        if (file == null) {
            file = defaultFile();
        }
        int cost = iterations == null ? PasswordHash.DEFAULT_ITERATIONS : iterations;
        String command = words.get(0);
        List<String> params = words.subList(1, words.size());
        try {
            return switch (command) {
                case "add" -> params.size() < 2 || params.size() > 3
                        ? usage("add needs USERID \"DISPLAY NAME\" [DESCRIPTION]")
                        : add(file, params.get(0), params.get(1), params.size() == 3 ? params.get(2) : "", cost, passwordStdin);
                case "remove" -> params.size() != 1 ? usage("remove needs USERID") : remove(file, params.get(0));
                case "list" -> params.isEmpty() ? list(file) : usage("list takes no arguments");
                case "check" -> params.isEmpty() ? check(file) : usage("check takes no arguments");
                case "hash" -> params.isEmpty() ? hash(cost, passwordStdin) : usage("hash takes no arguments");
                default -> usage("unknown command " + command);
            };
        } catch (IOException e) {
            err.println("openst-user: " + file + ": " + e);
            return FAILED;
        }
    }

    static Path defaultFile() {
        String home = System.getProperty(EmbeddedDirectory.HOME_PROPERTY);
        return (home == null || home.isBlank() ? Path.of(".") : Path.of(home)).resolve("conf").resolve("users.conf");
    }

    private int usage(String problem) {
        err.println("openst-user: " + problem);
        err.print(USAGE_TEXT);
        return USAGE;
    }

    private int add(Path file, String userId, String displayName, String description, int iterations, boolean stdin)
            throws IOException {
        String name = displayName.strip();
        String desc = description.strip();
        try {
            UsersFileFormat.checkUserId(userId);
            UsersFileFormat.checkText("display name", name);
            UsersFileFormat.checkText("description", desc);
        } catch (IllegalArgumentException e) {
            err.println("openst-user: " + e.getMessage());
            return FAILED;
        }
        if (name.isEmpty()) {
            err.println("openst-user: empty display name");
            return FAILED;
        }
        char[] password = readPassword(stdin);
        if (password == null) {
            return FAILED;
        }
        UserEntry entry;
        try {
            entry = new UserEntry(userId, name, desc, PasswordHash.create(password, iterations, random), false);
        } finally {
            Arrays.fill(password, '\0');
        }
        Path target = realTarget(file);
        List<String> lines = Files.exists(target) ? readLines(target) : new ArrayList<>(UsersFileFormat.HEADER.lines().toList());
        boolean replaced = false;
        List<String> result = new ArrayList<>(lines.size() + 1);
        for (String line : lines) {
            if (isLineOf(line, userId)) {
                if (!replaced) {
                    result.add(entry.toLine());
                    replaced = true;
                }
            } else {
                result.add(line);
            }
        }
        if (!replaced) {
            result.add(entry.toLine());
        }
        write(target, result);
        out.println((replaced ? "replaced " : "added ") + userId + " in " + file);
        return OK;
    }

    private int remove(Path file, String userId) throws IOException {
        Path target = realTarget(file);
        List<String> lines = readLines(target);
        List<String> kept = lines.stream().filter(l -> !isLineOf(l, userId)).toList();
        if (kept.size() == lines.size()) {
            err.println("openst-user: no user " + userId + " in " + file);
            return FAILED;
        }
        write(target, kept);
        out.println("removed " + userId + " from " + file);
        return OK;
    }

    private int list(Path file) throws IOException {
        UsersFileFormat.Result r = UsersFileFormat.parse(readLines(file));
        for (UserEntry e : r.entries()) {
            out.println(e.userId() + "\t" + e.displayName() + "\t" + e.description() + (e.disabled() ? "\t(disabled)" : ""));
        }
        report(file, r);
        return OK;
    }

    private int check(Path file) throws IOException {
        UsersFileFormat.Result r = UsersFileFormat.parse(readLines(file));
        report(file, r);
        out.println(file + ": " + r.entries().size() + " users, " + r.problems().size() + " bad lines");
        return r.problems().isEmpty() ? OK : FAILED;
    }

    private void report(Path file, UsersFileFormat.Result r) {
        for (UsersFileFormat.Problem p : r.problems()) {
            err.println(p.describe(file.toString()));
        }
    }

    private int hash(int iterations, boolean stdin) throws IOException {
        char[] password = readPassword(stdin);
        if (password == null) {
            return FAILED;
        }
        try {
            out.println(PasswordHash.create(password, iterations, random).encode());
        } finally {
            Arrays.fill(password, '\0');
        }
        return OK;
    }

    /** Whether a line is the entry of that user, judged by its first field only (so bad entries can be replaced). */
    private static boolean isLineOf(String line, String userId) {
        if (UsersFileFormat.isBlankOrComment(line)) {
            return false;
        }
        String first = line.strip().split("\t", 2)[0].strip();
        return UserEntry.key(first).equals(UserEntry.key(userId));
    }

    private char[] readPassword(boolean stdin) throws IOException {
        char[] password;
        if (stdin || console == null) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line = reader.readLine();
            password = line == null ? new char[0] : line.toCharArray();
        } else {
            char[] first = console.readPassword("Password: ");
            char[] again = console.readPassword("Password again: ");
            if (first == null || again == null || !Arrays.equals(first, again)) {
                err.println("openst-user: the passwords differ");
                return null;
            }
            Arrays.fill(again, '\0');
            password = first;
        }
        if (password.length == 0) {
            err.println("openst-user: empty password refused");
            return null;
        }
        return password;
    }

    private static List<String> readLines(Path file) throws IOException {
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** Follows a symbolic link so that the link survives the replace. */
    private static Path realTarget(Path file) throws IOException {
        return Files.exists(file) ? file.toRealPath() : file.toAbsolutePath();
    }

    /** Writes next to the target and renames over it, keeping the old file's permissions. */
    private static void write(Path target, List<String> lines) throws IOException {
        Path dir = target.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            StringBuilder text = new StringBuilder();
            for (String line : lines) {
                text.append(line).append('\n');
            }
            Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            copyPermissions(target, tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void copyPermissions(Path from, Path to) {
        PosixFileAttributeView fromView = Files.getFileAttributeView(from, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        PosixFileAttributeView toView = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (fromView == null || toView == null || !Files.exists(from)) {
            return;
        }
        try {
            PosixFileAttributes a = fromView.readAttributes();
            toView.setPermissions(a.permissions());
            try {
                toView.setOwner(a.owner());
                toView.setGroup(a.group());
            } catch (IOException | SecurityException e) {
                // Only root may give a file away; the permissions are what matter most.
            }
        } catch (IOException e) {
            // Best effort: the new file keeps the default permissions.
        }
    }
}
