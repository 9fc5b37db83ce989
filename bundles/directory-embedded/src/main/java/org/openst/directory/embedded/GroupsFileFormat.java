package org.openst.directory.embedded;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the public groups file. No I/O and no logging here (like {@link UsersFileFormat}).
 *
 * <pre>
 * # comment (only at the start of a line, after optional blanks)
 * groupId &lt;TAB&gt; Display Name &lt;TAB&gt; member1,member2,... [&lt;TAB&gt; description]
 * </pre>
 *
 * <p>Fields are separated by one or more tabs; members by commas, blanks around them ignored.
 * Group IDs follow the user-ID rules and are unique ignoring case; a member listed twice counts
 * once. Whether the members exist is checked against the users file elsewhere, because the two
 * files are reloaded independently.
 */
final class GroupsFileFormat {

    /** The format description for the top of a groups file. */
    static final String HEADER = """
            # OpenST embedded directory: public groups, one group per line, UTF-8.
            #
            #   groupId<TAB>Display Name<TAB>member1,member2,...[<TAB>description]
            #
            # - Fields are separated by one or more TAB characters; members by commas.
            # - groupId: non-empty; no blanks, no '#', no '::'; unique ignoring case.
            # - Members are user IDs of the users file (ignoring case). Unknown or disabled users
            #   are left out of the group until the users file knows them.
            # - Lines starting with '#' are comments; blank lines are ignored.
            # - A running hub picks up changes within a few seconds, without a restart.
            """;

    /** The good groups (in file order) and the skipped lines. */
    record Result(List<GroupEntry> groups, List<UsersFileFormat.Problem> problems) {
        Result {
            groups = List.copyOf(groups);
            problems = List.copyOf(problems);
        }
    }

    private GroupsFileFormat() {
    }

    static Result parse(List<String> lines) {
        List<GroupEntry> groups = new ArrayList<>();
        List<UsersFileFormat.Problem> problems = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1); // a byte-order mark some editors write
            }
            if (UsersFileFormat.isBlankOrComment(line)) {
                continue;
            }
            GroupEntry group;
            try {
                group = parseLine(line);
            } catch (IllegalArgumentException e) {
                problems.add(new UsersFileFormat.Problem(lineNo, e.getMessage()));
                continue;
            }
            Integer first = firstLine.putIfAbsent(UserEntry.key(group.groupId()), lineNo);
            if (first != null) {
                problems.add(new UsersFileFormat.Problem(lineNo, "duplicate group ID '" + group.groupId()
                        + "' (first defined on line " + first + "; IDs are compared ignoring case)"));
                continue;
            }
            groups.add(group);
        }
        return new Result(groups, problems);
    }

    /**
     * Parses one non-comment line.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static GroupEntry parseLine(String line) {
        String[] fields = line.strip().split("\t+", -1);
        if (fields.length < 3) {
            throw new IllegalArgumentException("expected groupId<TAB>display name<TAB>member1,member2,...[<TAB>description], found "
                    + fields.length + (fields.length == 1 ? " field" : " fields")
                    + (line.indexOf('\t') < 0 && line.indexOf(' ') >= 0 ? " (fields must be separated by tabs, not spaces)" : ""));
        }
        if (fields.length > 4) {
            throw new IllegalArgumentException("too many tab-separated fields (" + fields.length + "); at most 4");
        }
        String groupId = fields[0].strip();
        UsersFileFormat.checkId("group ID", groupId);
        String displayName = UsersFileFormat.checkText("display name", fields[1].strip());
        if (displayName.isEmpty()) {
            throw new IllegalArgumentException("empty display name");
        }
        List<String> members = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : fields[2].split(",", -1)) {
            String member = raw.strip();
            if (member.isEmpty()) {
                continue; // "a,,b" and a trailing comma are harmless
            }
            UsersFileFormat.checkId("member user ID", member);
            if (seen.add(UserEntry.key(member))) {
                members.add(member);
            }
        }
        if (members.isEmpty()) {
            throw new IllegalArgumentException("group '" + groupId + "' lists no members");
        }
        String description = fields.length == 4 ? UsersFileFormat.checkText("description", fields[3].strip()) : "";
        return new GroupEntry(groupId, displayName, description, members);
    }
}
