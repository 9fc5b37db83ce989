package org.openst.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Summarises a CPU profile in async-profiler's collapsed format (one line per stack:
 * {@code thread;frame;...;leaf count}, recorded with the {@code threads} option): where the
 * process's CPU went by thread, by component of the leaf frame, and the top frames.
 *
 * <pre>java -cp ... org.openst.bench.ProfileSummary hub-cpu.collapsed [thread filter]</pre>
 */
public final class ProfileSummary {
    private ProfileSummary() {
    }

    public static void main(String[] args) throws IOException {
        System.out.print(summarize(Path.of(args[0]), args.length > 1 ? args[1] : ""));
    }

    static String summarize(Path collapsed, String threadFilter) throws IOException {
        Map<String, Long> byThread = new HashMap<>();
        Map<String, Long> byComponent = new HashMap<>();
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        long total = 0;
        for (String line : Files.readAllLines(collapsed)) {
            int sp = line.lastIndexOf(' ');
            if (sp < 0) {
                continue;
            }
            long n = Long.parseLong(line.substring(sp + 1).trim());
            String[] frames = line.substring(0, sp).split(";");
            String thread = threadGroup(frames[0]);
            if (!thread.contains(threadFilter)) {
                continue;
            }
            total += n;
            byThread.merge(thread, n, Long::sum);
            String leaf = frames[frames.length - 1];
            byComponent.merge(component(frames), n, Long::sum);
            self.merge(leaf, n, Long::sum);
            for (String f : new java.util.HashSet<>(List.of(frames).subList(1, frames.length))) {
                if (f.startsWith("org/openst") || f.startsWith("org/apache/mina")) {
                    inclusive.merge(f, n, Long::sum);
                }
            }
        }
        StringBuilder b = new StringBuilder();
        b.append("samples: ").append(total).append(threadFilter.isEmpty() ? "" : " (threads matching '" + threadFilter + "')")
                .append('\n');
        section(b, "by thread", byThread, total, 12);
        section(b, "by component of the leaf frame", byComponent, total, 20);
        section(b, "top frames (self)", self, total, 25);
        section(b, "top hub/MINA frames (inclusive)", inclusive, total, 25);
        return b.toString();
    }

    private static void section(StringBuilder b, String title, Map<String, Long> counts, long total, int top) {
        b.append("\n").append(title).append(":\n");
        counts.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue(), x.getValue())).limit(top)
                .forEach(e -> b.append(String.format(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * e.getValue() / total,
                        e.getKey())));
    }

    /** Thread names without their numbers: "NioProcessor-3" -> "NioProcessor". */
    static String threadGroup(String frame) {
        String t = frame.startsWith("[") && frame.endsWith("]") ? frame.substring(1, frame.length() - 1) : frame;
        t = t.replaceAll("[ #-]*\\d+( tid=\\d+)?\\]?$", "").replaceAll("\\d+$", "");
        return t;
    }

    private static final Map<String, String> KERNEL = new LinkedHashMap<>();

    static {
        KERNEL.put("tcp_sendmsg", "kernel: TCP send (incl. loopback delivery)");
        KERNEL.put("__sys_sendto", "kernel: TCP send (incl. loopback delivery)");
        KERNEL.put("sock_write_iter", "kernel: TCP send (incl. loopback delivery)");
        KERNEL.put("tcp_recvmsg", "kernel: TCP receive");
        KERNEL.put("sock_read_iter", "kernel: TCP receive");
        KERNEL.put("ep_poll", "kernel: epoll");
        KERNEL.put("do_epoll", "kernel: epoll");
        KERNEL.put("futex", "kernel: futex (wake/park)");
        KERNEL.put("schedule", "kernel: scheduler");
        KERNEL.put("tcp_v4_connect", "kernel: TCP connect/accept");
        KERNEL.put("inet_accept", "kernel: TCP connect/accept");
        KERNEL.put("__sys_accept", "kernel: TCP connect/accept");
        KERNEL.put("tcp_close", "kernel: TCP close");
        KERNEL.put("__x64_sys_close", "kernel: TCP close");
        KERNEL.put("page_fault", "kernel: page faults");
        KERNEL.put("exc_page_fault", "kernel: page faults");
    }

    /** The component a sample's CPU belongs to: the kernel path for kernel leaves, else the leaf's package. */
    static String component(String[] frames) {
        String leaf = frames[frames.length - 1];
        if (leaf.endsWith("_[k]")) {
            for (int i = frames.length - 1; i > 0; i--) {
                for (Map.Entry<String, String> k : KERNEL.entrySet()) {
                    if (frames[i].startsWith(k.getKey())) {
                        return k.getValue();
                    }
                }
            }
            return "kernel: other";
        }
        // Java frames are "pkg/Class.method"; the first Java frame from the leaf names the component.
        for (int i = frames.length - 1; i > 0; i--) {
            String f = frames[i];
            int slash = f.indexOf('/');
            if (slash < 0) {
                continue;
            }
            return javaComponent(f);
        }
        return "native/JVM: " + leaf;
    }

    private static String javaComponent(String f) {
        if (f.startsWith("org/openst/protocol")) {
            return "openst protocol codec";
        }
        if (f.startsWith("org/openst/hub/core/net")) {
            return "hub-core net (MINA adapters)";
        }
        if (f.startsWith("org/openst/hub")) {
            return "hub-core logic";
        }
        if (f.startsWith("org/openst")) {
            return "openst other bundles";
        }
        if (f.startsWith("org/apache/mina")) {
            return "MINA";
        }
        if (f.startsWith("ch/qos/logback") || f.startsWith("org/slf4j")) {
            return "logging";
        }
        if (f.startsWith("java/math") || f.startsWith("com/sun/crypto") || f.startsWith("javax/crypto")
                || f.startsWith("sun/security")) {
            return "crypto (BigInteger, JCE)";
        }
        if (f.startsWith("sun/nio") || f.startsWith("java/nio")) {
            return "JDK NIO";
        }
        if (f.startsWith("java/util/concurrent")) {
            return "JDK concurrent";
        }
        if (f.startsWith("java/") || f.startsWith("jdk/") || f.startsWith("sun/")) {
            return "JDK other";
        }
        if (f.startsWith("org/apache/felix") || f.startsWith("org/h2")) {
            return "Felix/H2";
        }
        return "other: " + f.replaceAll("\\.[^.]*$", "");
    }
}
