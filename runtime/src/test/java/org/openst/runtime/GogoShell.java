package org.openst.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Runs command lines through the framework's Gogo {@code CommandProcessor}, as a user typing them
 * at the {@code g!} prompt would: parsed, quoted and coerced by Gogo, then formatted. By reflection,
 * because Gogo's classes live in the framework's class space only.
 */
final class GogoShell implements AutoCloseable {
    private static final String PROCESSOR = "org.apache.felix.service.command.CommandProcessor";
    private static final String SESSION = "org.apache.felix.service.command.CommandSession";

    /**
     * What a command line gave: the value the command returned (what the shell prints). Not what
     * went to the session's output stream: Gogo routes the executing thread's System.out there,
     * so the hub's console log lines land in it too.
     */
    record Result(String output, Throwable error) {
        /** The output; fails if the command threw. */
        String ok() {
            if (error != null) {
                throw new AssertionError("command failed: " + error, error);
            }
            return output;
        }

        /** The message of what the command threw; fails if it succeeded. */
        String failure() {
            if (error == null) {
                throw new AssertionError("command succeeded, printing: " + output);
            }
            return error.getMessage();
        }
    }

    private final BundleContext context;
    private final ServiceReference<?> ref;
    private final Object session;
    private final Method execute;
    private final Method close;

    GogoShell(BundleContext context) throws Exception {
        this.context = context;
        ServiceReference<?>[] refs = context.getAllServiceReferences(PROCESSOR, null);
        assertTrue(refs != null, "no Gogo CommandProcessor in the framework");
        this.ref = refs[0];
        Bundle gogo = ref.getBundle();
        Class<?> processorType = gogo.loadClass(PROCESSOR);
        Class<?> sessionType = gogo.loadClass(SESSION);
        Object processor = context.getService(ref);
        InputStream in = new ByteArrayInputStream(new byte[0]);
        this.session = processorType.getMethod("createSession", InputStream.class, OutputStream.class, OutputStream.class)
                .invoke(processor, in, OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
        this.execute = sessionType.getMethod("execute", CharSequence.class);
        this.close = sessionType.getMethod("close");
    }

    /** Runs one command line. */
    Result run(String line) throws Exception {
        try {
            Object value = execute.invoke(session, line);
            return new Result(value == null ? "" : value.toString(), null);
        } catch (InvocationTargetException e) {
            return new Result("", e.getCause());
        }
    }

    @Override
    public void close() throws Exception {
        close.invoke(session);
        context.ungetService(ref);
    }
}
