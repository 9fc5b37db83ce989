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
 * One UTF-8 text file that is re-read when its modification time, size or identity (a file
 * replaced by rename) changes. Subclasses parse the lines into an immutable snapshot and swap it
 * in with one volatile write, so readers never lock; they also decide what a failure means (keep
 * the previous snapshot, or fall back to an empty one) and how it is logged.
 */
abstract class WatchedFile implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WatchedFile.class);

    /** What a stat of the file saw; a different stamp means the file must be read again. */
    private record Stamp(long modifiedNanos, long size, Object fileKey) {
    }

    private final Path file;
    private final Object reloadLock = new Object();
    private Stamp seen;             // guarded by reloadLock
    private String lastFailure;     // guarded by reloadLock; to report a lasting failure once
    private ScheduledExecutorService poller;

    WatchedFile(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    final Path file() {
        return file;
    }

    /** The lines of a successful read; called under the reload lock. */
    abstract void loaded(List<String> lines);

    /**
     * The file could not be read; called under the reload lock, once per distinct failure until a
     * read succeeds again.
     *
     * @param why     "missing", "unreadable (...)" or "not valid UTF-8"
     * @param missing whether the file simply does not exist
     */
    abstract void failed(String why, boolean missing);

    /** Called by {@link #start} after the first read attempt. */
    void afterFirstRead() {
    }

    /** Reads the file now and then polls it every {@code interval} (no polling if zero or negative). */
    final synchronized void start(Duration interval) {
        reloadIfChanged();
        afterFirstRead();
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
     * @return whether the file was read and handed to {@link #loaded}
     */
    final boolean reloadIfChanged() {
        synchronized (reloadLock) {
            Stamp stamp;
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                stamp = new Stamp(a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.size(), a.fileKey());
            } catch (NoSuchFileException e) {
                report("missing", true);
                seen = null;
                return false;
            } catch (IOException e) {
                report("unreadable (" + e + ")", false);
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
                report("not valid UTF-8", false);
                seen = stamp; // no point in re-reading until it changes
                return false;
            } catch (IOException e) {
                report("unreadable (" + e + ")", false);
                seen = null;
                return false;
            }
            // The stamp taken before reading: a write during the read changes it and we read again.
            seen = stamp;
            lastFailure = null;
            loaded(lines);
            return true;
        }
    }

    private void report(String why, boolean missing) {
        if (why.equals(lastFailure)) {
            return;
        }
        lastFailure = why;
        failed(why, missing);
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }
}
