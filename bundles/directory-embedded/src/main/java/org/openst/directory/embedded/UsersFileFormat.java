package org.openst.directory.embedded;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and checks the users file format. No I/O and no logging here, so the OSGi component and
 * the command-line tool share it.
 *
 * <pre>
 * # comment (only at the start of a line, after optional blanks)
 * userId &lt;TAB&gt; pbkdf2-sha256$iterations$salt$hash &lt;TAB&gt; Display Name [&lt;TAB&gt; description]
 * </pre>
 *
 * <p>Fields are separated by one or more tabs, so display names and descriptions may hold any
 * character but a tab or a control character; blanks around a field are ignored. A {@code !}
 * in front of the hash disables the account. User IDs are unique ignoring case.
 */
final class UsersFileFormat {

    /** The header the tool writes into a new file. */
    static final String HEADER = """
            # OpenST embedded directory: one user per line, UTF-8.
            #
            #   userId<TAB>passwordHash<TAB>Display Name[<TAB>description]
            #
            # - Fields are separated by one or more TAB characters (not spaces), so display names
            #   and descriptions may contain spaces, '|', '#', ':' and any other printable character.
            # - userId: non-empty; no blanks, no '#', no '::'. Logins match it ignoring case; it must
            #   be unique ignoring case.
            # - passwordHash: pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>
            #   (PBKDF2WithHmacSHA256). Prefix it with '!' to disable the account.
            #   Never write a password here: make hashes with  bin/openst-user hash
            # - Lines starting with '#' are comments; blank lines are ignored.
            # - Add, replace or remove users with  bin/openst-user add|remove ...
            #   A running hub picks up changes within a few seconds, without a restart.
            """;

    /** A line that was skipped, and why. */
    record Problem(int line, String message) {
        String describe(String source) {
            return source + ":" + line + ": " + message;
        }
    }

    /** The good entries (in file order) and the skipped lines. */
    record Result(List<UserEntry> entries, List<Problem> problems) {
        Result {
            entries = List.copyOf(entries);
            problems = List.copyOf(problems);
        }
    }

    private UsersFileFormat() {
    }

    static Result parse(List<String> lines) {
        List<UserEntry> entries = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1); // a byte-order mark some editors write
            }
            if (isBlankOrComment(line)) {
                continue;
            }
            UserEntry entry;
            try {
                entry = parseLine(line);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(lineNo, e.getMessage()));
                continue;
            }
            Integer first = firstLine.putIfAbsent(UserEntry.key(entry.userId()), lineNo);
            if (first != null) {
                problems.add(new Problem(lineNo, "duplicate user ID '" + entry.userId() + "' (first defined on line "
                        + first + "; IDs are compared ignoring case)"));
                continue;
            }
            entries.add(entry);
        }
        return new Result(entries, problems);
    }

    static boolean isBlankOrComment(String line) {
        String t = line.strip();
        return t.isEmpty() || t.startsWith("#");
    }

    /**
     * Parses one non-comment line.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static UserEntry parseLine(String line) {
        String[] fields = line.strip().split("\t+", -1);
        if (fields.length < 3) {
            throw new IllegalArgumentException("expected userId<TAB>passwordHash<TAB>display name[<TAB>description], found "
                    + fields.length + (fields.length == 1 ? " field" : " fields")
                    + (line.indexOf('\t') < 0 && line.indexOf(' ') >= 0 ? " (fields must be separated by tabs, not spaces)" : ""));
        }
        if (fields.length > 4) {
            throw new IllegalArgumentException("too many tab-separated fields (" + fields.length + "); at most 4");
        }
        String userId = fields[0].strip();
        checkUserId(userId);
        String hashText = fields[1].strip();
        boolean disabled = hashText.startsWith("!");
        if (disabled) {
            hashText = hashText.substring(1);
        }
        PasswordHash hash = PasswordHash.parse(hashText);
        String displayName = checkText("display name", fields[2].strip());
        if (displayName.isEmpty()) {
            throw new IllegalArgumentException("empty display name");
        }
        String description = fields.length == 4 ? checkText("description", fields[3].strip()) : "";
        return new UserEntry(userId, displayName, description, hash, disabled);
    }

    /** @throws IllegalArgumentException if the ID breaks a rule */
    static void checkUserId(String userId) {
        checkId("user ID", userId);
    }

    /**
     * The rules shared by user and group IDs: non-empty, no blanks or control characters, no
     * {@code #} (comments) and no {@code ::} (the protocol's community separator).
     *
     * @param what "user ID", "group ID", ... for the message
     * @throws IllegalArgumentException if the ID breaks a rule
     */
    static void checkId(String what, String id) {
        if (id.isEmpty()) {
            throw new IllegalArgumentException("empty " + what);
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException(what + " '" + id + "' contains a blank or control character");
            }
        }
        if (id.indexOf('#') >= 0) {
            throw new IllegalArgumentException(what + " '" + id + "' contains '#'");
        }
        if (id.contains("::")) {
            throw new IllegalArgumentException(what + " '" + id + "' contains '::'");
        }
    }

    /** @throws IllegalArgumentException if the text holds a control character */
    static String checkText(String what, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                throw new IllegalArgumentException(what + " contains a control character");
            }
        }
        return text;
    }
}
