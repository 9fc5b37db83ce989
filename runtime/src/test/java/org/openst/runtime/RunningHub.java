package org.openst.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.openst.client.ClientOptions;
import org.openst.client.EventCollector;
import org.openst.client.LoginRefusedException;
import org.openst.client.SametimeClient;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * A copy of the built distribution (target/openst-hub) running in a real Felix framework on a free
 * loopback port: what the integration and interop tests talk to.
 */
final class RunningHub implements AutoCloseable {
    final Path home;
    final int port;
    final HubRuntime runtime;

    private RunningHub(Path home, int port, HubRuntime runtime) {
        this.home = home;
        this.port = port;
        this.runtime = runtime;
    }

    /**
     * Copies the distribution to {@code dir}, configures the hub on a free port plus
     * {@code extraHubConfig} lines, starts it and waits until clients can connect.
     */
    static RunningHub start(Path dir, String extraHubConfig) throws Exception {
        return start(dir, extraHubConfig, Map.of());
    }

    /** As {@link #start(Path, String)}, also writing {@code confFiles} (name -> content) into conf/. */
    static RunningHub start(Path dir, String extraHubConfig, Map<String, String> confFiles) throws Exception {
        int port = freePort();
        Path home = prepare(dir, port, extraHubConfig);
        for (Map.Entry<String, String> f : confFiles.entrySet()) {
            Files.writeString(home.resolve("conf").resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        }
        HubRuntime runtime = HubRuntime.start(home, Map.of());
        RunningHub hub = new RunningHub(home, port, runtime);
        Await.until("the hub logging users in on " + port, () -> logsIn(port, "alice", "alice-pw"), hub::bundleStates);
        return hub;
    }

    BundleContext context() {
        return runtime.framework().getBundleContext();
    }

    /** Calls a method of the hub's {@code Community} service; see {@link #callService}. */
    Object callCommunity(String method, Object... args) throws Exception {
        return callService("org.openst.hub.api.Community", method, args);
    }

    /**
     * Calls a method of a service registered in the framework under {@code interfaceName}. By
     * reflection: the service's classes live in the framework's class space, not the test's.
     */
    Object callService(String interfaceName, String method, Object... args) throws Exception {
        // getAllServiceReferences, not getServiceReference: hub-api is also on the test class path
        // (for the echo bundle's classes), so the system bundle would see a different Community
        // class and the class-space check would hide the service.
        ServiceReference<?>[] refs = context().getAllServiceReferences(interfaceName, null);
        assertTrue(refs != null, "no " + interfaceName + " service; bundles: " + bundleStates());
        ServiceReference<?> ref = refs[0];
        Object service = context().getService(ref);
        try {
            for (Method m : service.getClass().getMethods()) {
                if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                    return m.invoke(service, args);
                }
            }
            throw new AssertionError(interfaceName + " has no method " + method + "/" + args.length);
        } finally {
            context().ungetService(ref);
        }
    }

    String bundleStates() {
        return Arrays.stream(context().getBundles()).map(b -> b.getSymbolicName() + "=" + b.getState())
                .collect(Collectors.joining(", "));
    }

    /**
     * Whether a user can log in: the listener is up and the login authority (users bundle) is
     * bound. The hub listens as soon as hub-core starts, possibly before the users bundle.
     */
    static boolean logsIn(int port, String user, String password) {
        try (SametimeClient c = SametimeClient.connect("127.0.0.1", port)) {
            c.login(user, password);
            return true;
        } catch (IOException e) {
            return false; // not listening yet, or refused (VERIFICATION_DOWN) until the authority is bound
        }
    }

    /** Logs a user in with a client whose events go to {@code events}. */
    SametimeClient login(String user, String password, EventCollector events) throws IOException {
        SametimeClient c = SametimeClient.connect("127.0.0.1", port, ClientOptions.builder().listener(events).build());
        c.login(user, password);
        return c;
    }

    /**
     * Whether the hub listening on {@code port} accepts these credentials: false when it refuses
     * the login; any other failure (nothing listening, a broken connection) fails the test.
     */
    static boolean accepts(int port, String user, String password) {
        try (SametimeClient c = SametimeClient.connect("127.0.0.1", port)) {
            c.login(user, password);
            return true;
        } catch (LoginRefusedException e) {
            return false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        runtime.stop();
    }

    /**
     * Copies the distribution to {@code dir} and configures its hub on loopback {@code port} plus
     * {@code extraHubConfig} lines; returns the copy's home folder.
     */
    static Path prepare(Path dir, int port, String extraHubConfig) throws IOException {
        Path home = copyDistribution(dir);
        Files.writeString(home.resolve("conf/org.openst.hub.cfg"),
                "port = " + port + "\nbind.address = 127.0.0.1\n" + extraHubConfig, StandardCharsets.UTF_8);
        return home;
    }

    static Path copyDistribution(Path target) throws IOException {
        Path dist = Path.of(System.getProperty("openst.dist", "target/openst-hub"));
        assertTrue(Files.isDirectory(dist.resolve("bundle")), "no distribution at " + dist.toAbsolutePath() + " (run mvn package)");
        try (Stream<Path> files = Files.walk(dist)) {
            for (Path p : files.toList()) {
                Path rel = dist.relativize(p);
                if (rel.startsWith("data") || rel.startsWith("log")) {
                    continue; // run-time folders of a hub someone ran by hand
                }
                Path to = target.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
