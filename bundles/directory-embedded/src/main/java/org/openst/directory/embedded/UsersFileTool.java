package org.openst.directory.embedded;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
            UsersFileEditor.checkNewEntry(userId, name, desc);
        } catch (IllegalArgumentException e) {
            err.println("openst-user: " + e.getMessage());
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
        boolean replaced = new UsersFileEditor(file).put(entry);
        out.println((replaced ? "replaced " : "added ") + userId + " in " + file);
        return OK;
    }

    private int remove(Path file, String userId) throws IOException {
        if (!new UsersFileEditor(file).remove(userId)) {
            err.println("openst-user: no user " + userId + " in " + file);
            return FAILED;
        }
        out.println("removed " + userId + " from " + file);
        return OK;
    }

    private int list(Path file) throws IOException {
        UsersFileFormat.Result r = new UsersFileEditor(file).read();
        for (UserEntry e : r.entries()) {
            out.println(e.userId() + "\t" + e.displayName() + "\t" + e.description() + (e.disabled() ? "\t(disabled)" : ""));
        }
        report(file, r);
        return OK;
    }

    private int check(Path file) throws IOException {
        UsersFileFormat.Result r = new UsersFileEditor(file).read();
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
}
