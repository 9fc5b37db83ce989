package org.openst.directory.embedded;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the latest good {@link UserSnapshot} of one users file and re-reads the file when its
 * modification time, size or identity (a file replaced by rename) changes. Readers never lock:
 * a reload builds a new snapshot and swaps it in with one volatile write.
 */
final class UsersFileStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UsersFileStore.class);

    /** What a stat of the file saw; a different stamp means the file must be read again. */
    private record Stamp(long modifiedNanos, long size, Object fileKey) {
    }

    private final Path file;
    private final Object reloadLock = new Object();
    private volatile UserSnapshot snapshot; // null until the file has been read once
    private Stamp seen;                     // guarded by reloadLock
    private String lastFailure;             // guarded by reloadLock; to log a lasting failure once
    private ScheduledExecutorService poller;

    UsersFileStore(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    Path file() {
        return file;
    }

    /** The latest good snapshot, or null if the file could never be read. */
    UserSnapshot snapshot() {
        return snapshot;
    }

    /** Reads the file now and then polls it every {@code interval} (no polling if zero or negative). */
    synchronized void start(Duration interval) {
        reloadIfChanged();
        if (snapshot == null) {
            LOG.warn("No users: {} could not be read; logins will be refused as 'directory unavailable' until it can",
                    file);
        }
        if (!interval.isZero() && !interval.isNegative() && poller == null) {
            poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "openst-directory-reload");
                t.setDaemon(true);
                return t;
            });
            long ms = Math.max(1, interval.toMillis());
            poller.scheduleWithFixedDelay(this::pollSafely, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    private void pollSafely() {
        try {
            reloadIfChanged();
        } catch (RuntimeException e) {
            LOG.error("Checking {} failed", file, e); // keep polling: the next check may succeed
        }
    }

    /**
     * Re-reads the file if it changed since the last read.
     *
     * @return whether a new snapshot was swapped in
     */
    boolean reloadIfChanged() {
        synchronized (reloadLock) {
            Stamp stamp;
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                stamp = new Stamp(a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.size(), a.fileKey());
            } catch (NoSuchFileException e) {
                failed("missing");
                seen = null;
                return false;
            } catch (IOException e) {
                failed("unreadable (" + e + ")");
                seen = null;
                return false;
            }
            if (stamp.equals(seen)) {
                return false;
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (CharacterCodingException e) {
                failed("not valid UTF-8");
                seen = stamp; // no point in re-reading until it changes
                return false;
            } catch (IOException e) {
                failed("unreadable (" + e + ")");
                seen = null;
                return false;
            }
            // The stamp taken before reading: a write during the read changes it and we read again.
            seen = stamp;
            lastFailure = null;
            UsersFileFormat.Result result = UsersFileFormat.parse(lines);
            for (UsersFileFormat.Problem p : result.problems()) {
                LOG.warn("{} (line skipped)", p.describe(file.toString()));
            }
            snapshot = new UserSnapshot(result.entries());
            LOG.info("Loaded {} users from {}{}", result.entries().size(), file,
                    result.problems().isEmpty() ? "" : " (" + result.problems().size() + " bad lines skipped)");
            return true;
        }
    }

    private void failed(String why) {
        if (why.equals(lastFailure)) {
            return;
        }
        lastFailure = why;
        UserSnapshot current = snapshot;
        if (current == null) {
            LOG.error("Users file {} is {}; no users loaded", file, why);
        } else {
            LOG.error("Users file {} is {}; keeping the {} users read before", file, why, current.size());
        }
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }
}
