package org.openst.bench.load;

import java.util.concurrent.ThreadFactory;

/**
 * The reader threads of the load generator's connections: virtual threads when the worker runs
 * on Java 21 or later (a worker holds thousands of connections, each with a reader that mostly
 * waits), else the client library's default, a platform thread each. Found by reflection because
 * the project compiles for Java 17.
 */
final class ReaderThreads {
    private static final ThreadFactory FACTORY = virtualThreadFactory();

    private ReaderThreads() {
    }

    /** A virtual-thread factory, or null for the library's platform threads. */
    static ThreadFactory factory() {
        return FACTORY;
    }

    static String describe() {
        return FACTORY == null ? "platform threads" : "virtual threads";
    }

    private static ThreadFactory virtualThreadFactory() {
        if (Boolean.getBoolean("bench.platformThreads")) {
            return null;
        }
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            return (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // Java 17..20
        }
    }
}
