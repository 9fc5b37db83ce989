package org.openst.directory.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Edits one users file in place: adds, replaces and removes entries, keeping every other line and
 * comment. Shared by the command-line tool ({@link UsersFileTool}) and the shell command
 * ({@link UsersCommand}). Every change is written to a temporary file that is renamed over the
 * users file (keeping its permissions), so a running hub never reads half a file.
 */
final class UsersFileEditor {

    private final Path file;

    UsersFileEditor(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /**
     * Checks the fields of an entry to be written (stripped of surrounding blanks) before anyone
     * is asked for a password.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static void checkNewEntry(String userId, String displayName, String description) {
        UsersFileFormat.checkUserId(userId);
        UsersFileFormat.checkText("display name", displayName);
        UsersFileFormat.checkText("description", description);
        if (displayName.isEmpty()) {
            throw new IllegalArgumentException("empty display name");
        }
    }

    /** The entries and bad lines of the file as it is now. */
    UsersFileFormat.Result read() throws IOException {
        return UsersFileFormat.parse(readLines(file));
    }

    /** Whether a line of the file belongs to that user ID (ignoring case), good or bad. */
    boolean contains(String userId) throws IOException {
        return Files.exists(file) && readLines(file).stream().anyMatch(l -> isLineOf(l, userId));
    }

    /**
     * Writes {@code entry} in place of the line of the same user ID (ignoring case), or at the end;
     * a new file gets the format description as its header.
     *
     * @return true if an entry was replaced
     */
    boolean put(UserEntry entry) throws IOException {
        Path target = realTarget(file);
        List<String> lines = Files.exists(target) ? readLines(target) : new ArrayList<>(UsersFileFormat.HEADER.lines().toList());
        boolean replaced = false;
        List<String> result = new ArrayList<>(lines.size() + 1);
        for (String line : lines) {
            if (isLineOf(line, entry.userId())) {
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
        return replaced;
    }

    /** @return false if the file has no line of that user ID */
    boolean remove(String userId) throws IOException {
        Path target = realTarget(file);
        List<String> lines = readLines(target);
        List<String> kept = lines.stream().filter(l -> !isLineOf(l, userId)).toList();
        if (kept.size() == lines.size()) {
            return false;
        }
        write(target, kept);
        return true;
    }

    /** Whether a line is the entry of that user, judged by its first field only (so bad entries can be replaced). */
    private static boolean isLineOf(String line, String userId) {
        if (UsersFileFormat.isBlankOrComment(line)) {
            return false;
        }
        String first = line.strip().split("\t", 2)[0].strip();
        return UserEntry.key(first).equals(UserEntry.key(userId));
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
        // The thread in the name too: the shell command may write from several threads of one process.
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
                + Thread.currentThread().getId());
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
