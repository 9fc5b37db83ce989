package org.openst.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Figures of a process from /proc (Linux): CPU time, resident memory, open files. */
final class ProcStats {
    /** USER_HZ: the unit of utime/stime in /proc/<pid>/stat; 100 on Linux/x86. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcStats() {
    }

    /** User + system CPU seconds the process has used so far; -1 if unknown. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) is in parentheses and may contain blanks: skip past it.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // Fields 14 and 15 of stat (utime, stime) are 11 and 12 after the state field (field 3 = f[0]).
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Waits until the process is quiet: less than {@code maxCores} of CPU over a half-second
     * window (a hub whose JIT compiler has caught up after a warm-up). Gives up after
     * {@code maxWaitMillis}.
     *
     * @return how long it waited, in milliseconds
     */
    static long awaitQuiet(long pid, double maxCores, long maxWaitMillis) throws InterruptedException {
        long start = System.nanoTime();
        double before = cpuSeconds(pid);
        while ((System.nanoTime() - start) / 1_000_000 < maxWaitMillis) {
            Thread.sleep(500); // the window: /proc counts in 10 ms ticks
            double now = cpuSeconds(pid);
            if (now >= 0 && now - before < maxCores * 0.5) {
                break;
            }
            before = now;
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** VmRSS in KiB; -1 if unknown. */
    static long rssKb(long pid) {
        return statusField(pid, "VmRSS:");
    }

    /** Threads of the process; -1 if unknown. */
    static long threads(long pid) {
        return statusField(pid, "Threads:");
    }

    private static long statusField(long pid, String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // unknown
        }
        return -1;
    }

    /** Open file descriptors; -1 if unknown. */
    static long openFiles(long pid) {
        try (var s = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return s.count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The soft limit of open files of this process (inherited by the processes it starts). */
    static long openFilesLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    return Long.parseLong(line.substring("Max open files".length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // unknown
        }
        return -1;
    }

    /** Total memory of the machine in GiB. */
    static long memTotalGiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Math.round(Long.parseLong(line.substring(9).trim().split("\\s+")[0]) / 1048576.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // unknown
        }
        return -1;
    }

    /** The 1-minute load average. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
