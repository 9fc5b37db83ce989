package org.openst.directory.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openst.directory.api.DirectoryGroup;
import org.openst.directory.api.DirectoryUser;

/** Public groups (groups.conf) and browsing of the embedded directory (directory-api 1.1). */
class EmbeddedDirectoryGroupsTest {

    @TempDir
    Path home;

    private EmbeddedDirectory directory;

    @AfterEach
    void deactivate() {
        if (directory != null) {
            directory.deactivate();
        }
    }

    private Path conf() throws IOException {
        return Files.createDirectories(home.resolve("conf"));
    }

    private void users() throws IOException {
        write(conf().resolve("users.conf"),
                TestUsers.line("alice", "pw", "Alice Example", "QA"),
                TestUsers.line("bob", "pw", "Bob Builder", null),
                TestUsers.line("carol", "pw", "Carol Singer", null),
                "dave\t!" + TestUsers.hash("pw") + "\tDave Disabled");
    }

    /** Replaces the file by rename, as editors and the tool do. */
    private static Path write(Path file, String... lines) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, List.of(lines), StandardCharsets.UTF_8);
        return Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private EmbeddedDirectory start(String groupsFile, long reloadMs) {
        directory = new EmbeddedDirectory(home, TestUsers.config("${openst.home}/conf/users.conf", groupsFile, reloadMs));
        return directory;
    }

    private static List<String> ids(List<DirectoryUser> users) {
        return users.stream().map(DirectoryUser::userId).toList();
    }

    private static List<String> groupIds(List<DirectoryGroup> groups) {
        return groups.stream().map(DirectoryGroup::groupId).toList();
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    @Test
    void groupsFileNextToTheUsersFileByDefault() throws IOException {
        users();
        write(conf().resolve("groups.conf"), "friends\tFriends\talice,bob,carol\tThe demo users");
        EmbeddedDirectory d = start("", 0);
        assertEquals(List.of(new DirectoryGroup("friends", "Friends", "The demo users")), d.findGroups("friends", 5));
        assertEquals(List.of("alice", "bob", "carol"), ids(d.groupMembers("friends")));
        assertTrue(d.describe().endsWith("(4 users, 1 groups)"), d.describe());
    }

    @Test
    void configuredGroupsFileIsTakenFromTheHome() throws IOException {
        users();
        write(home.resolve("teams.conf"), "team\tTeam\tbob");
        EmbeddedDirectory d = start("teams.conf", 0);
        assertEquals(List.of("bob"), ids(d.groupMembers("team")));
        assertEquals(home.resolve("teams.conf"),
                EmbeddedDirectory.resolveGroupsFile(home, home.resolve("conf/users.conf"), "${openst.home}/teams.conf"));
        assertEquals(home.resolve("conf/groups.conf"),
                EmbeddedDirectory.resolveGroupsFile(home, home.resolve("conf/users.conf"), " "));
    }

    @Test
    void findGroupsFollowsTheResolveRules() throws IOException {
        users();
        write(conf().resolve("groups.conf"),
                "sales\tZ Team\talice",
                "zz\tSales\tbob",
                "sales-east\tSales East\tcarol",
                "support\tSupport\talice");
        EmbeddedDirectory d = start("", 0);
        assertEquals(List.of("sales", "zz", "sales-east"), groupIds(d.findGroups("SALES", 10)));
        assertEquals(List.of("sales", "zz"), groupIds(d.findGroups("sales", 2)));
        assertEquals(List.of("sales-east"), groupIds(d.findGroups("Sales E", 10)));
        assertEquals(List.of(), d.findGroups("  ", 10));
        assertEquals(List.of(), d.findGroups("nobody", 10));
        assertThrows(IllegalArgumentException.class, () -> d.findGroups("sales", 0));
    }

    @Test
    void membersAreKnownEnabledUsersInFileOrder() throws IOException {
        users();
        write(conf().resolve("groups.conf"), "mixed\tMixed\tCAROL,ghost,dave,alice");
        EmbeddedDirectory d = start("", 0);
        List<DirectoryUser> members = d.groupMembers("MIXED");
        assertEquals(List.of("carol", "alice"), ids(members), "canonical IDs; unknown and disabled left out");
        assertEquals("Alice Example", members.get(1).displayName());
        assertEquals(List.of(), d.groupMembers("nope"));
        assertEquals(List.of(), d.groupMembers(null));
    }

    @Test
    void noGroupsFileMeansNoGroups() throws IOException {
        users();
        EmbeddedDirectory d = start("", 0);
        assertEquals(List.of(), d.findGroups("friends", 5));
        assertEquals(List.of(), d.groupMembers("friends"));
        assertTrue(d.findUser("alice").isPresent(), "users are unaffected");
    }

    @Test
    void groupsAndMembersFollowBothFiles() throws IOException {
        users();
        Path groups = write(conf().resolve("groups.conf"), "friends\tFriends\talice,erin");
        EmbeddedDirectory d = start("", 0);
        assertEquals(List.of("alice"), ids(d.groupMembers("friends")));

        // erin joins the users file: she appears in the group without touching groups.conf
        write(conf().resolve("users.conf"), TestUsers.line("alice", "pw", "Alice", null),
                TestUsers.line("erin", "pw", "Erin", null));
        d.reloadNow();
        assertEquals(List.of("alice", "erin"), ids(d.groupMembers("friends")));

        write(groups, "friends\tGood Friends\terin", "team\tTeam\talice");
        d.reloadNow();
        assertEquals(List.of("erin"), ids(d.groupMembers("friends")));
        assertEquals("Good Friends", d.findGroups("friends", 1).get(0).displayName());
        assertEquals(List.of("alice"), ids(d.groupMembers("team")));

        Files.delete(groups);
        d.reloadNow();
        assertEquals(List.of(), d.findGroups("friends", 5), "a deleted groups file means no groups");
    }

    @Test
    void groupsFileAppearingLaterIsPickedUpByThePoller() throws IOException {
        users();
        EmbeddedDirectory d = start("", 20);
        write(conf().resolve("groups.conf"), "friends\tFriends\tbob");
        await(() -> !d.groupMembers("friends").isEmpty(), "the new groups file to be read");
        assertEquals(List.of("bob"), ids(d.groupMembers("friends")));
    }

    @Test
    void searchBrowsesBySubstringInNameOrder() throws IOException {
        write(conf().resolve("users.conf"),
                TestUsers.line("zed", "pw", "Anna Zed", null),
                TestUsers.line("bob", "pw", "Bob Builder", null),
                TestUsers.line("annette", "pw", "annette", null),
                TestUsers.line("xan", "pw", "Xavier", null),
                "dan\t!" + TestUsers.hash("pw") + "\tDan Disabled");
        EmbeddedDirectory d = start("", 0);
        assertEquals(List.of("zed", "annette", "bob", "xan"), ids(d.search("", 0, 10)), "everybody, disabled left out");
        assertEquals(List.of("zed", "annette", "xan"), ids(d.search("AN", 0, 10)), "ID or display name contains it");
        assertEquals(List.of("annette"), ids(d.search("an", 1, 1)));
        assertEquals(List.of("xan"), ids(d.search("an", 2, 5)));
        assertEquals(List.of(), ids(d.search("an", 3, 5)));
        assertEquals(List.of("bob"), ids(d.search(" build ", 0, 5)));
        assertThrows(IllegalArgumentException.class, () -> d.search("", -1, 5));
        assertThrows(IllegalArgumentException.class, () -> d.search("", 0, 0));
    }
}
