package org.openst.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleRevision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running OpenST hub: an OSGi framework started from a distribution folder ("home") with every
 * jar of {@code bundle/} installed and started. Usable from tests:
 *
 * <pre>
 * try (HubRuntime hub = HubRuntime.start(home, Map.of())) {
 *     hub.framework().getBundleContext()...
 * }
 * </pre>
 *
 * <p>Holds no business logic: what the hub does is in the bundles.
 */
public final class HubRuntime implements AutoCloseable {

    /** How long {@link #stop()} waits for the framework to stop. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(HubRuntime.class);

    private final Path home;
    private final Framework framework;
    private boolean stopped; // guarded by this

    private HubRuntime(Path home, Framework framework) {
        this.home = home;
        this.framework = framework;
    }

    /**
     * Starts the framework of the distribution in {@code home} and every bundle in
     * {@code home/bundle} (fragments are installed, not started). {@code bundle/} is the hub's
     * core: if any of its jars fails to install or start, each failure is logged, the framework is
     * stopped again and this throws. (Optional plugins belong in {@code deploy/}.)
     *
     * @param home                      the distribution folder (with bundle/ and conf/)
     * @param extraFrameworkProperties  win over the defaults and {@code conf/framework.properties}
     * @throws IOException     if home is not a distribution folder
     * @throws BundleException if the framework or a bundle of {@code bundle/} cannot start
     */
    public static HubRuntime start(Path home, Map<String, String> extraFrameworkProperties) throws IOException, BundleException {
        long t0 = System.nanoTime();
        Path h = home.toAbsolutePath().normalize();
        Path bundleDir = h.resolve("bundle");
        if (!Files.isDirectory(bundleDir)) {
            throw new IOException(h + " is not an OpenST home: it has no bundle/ folder");
        }
        for (String dir : List.of("conf", "deploy", "data", "log")) {
            Files.createDirectories(h.resolve(dir));
        }
        Map<String, String> props = FrameworkProperties.build(h, FrameworkProperties.readFile(h), extraFrameworkProperties);
        LOG.info("Starting OpenST hub in {}", h);
        Framework framework = newFramework(props);
        try {
            framework.init();
            List<String> failures = new ArrayList<>();
            List<Bundle> installed = install(framework.getBundleContext(), bundleDir, failures);
            framework.start();
            int active = startAll(installed, failures);
            if (!failures.isEmpty()) {
                throw new BundleException(failures.size() + " of the bundles in " + bundleDir + " failed: "
                        + String.join("; ", failures));
            }
            LOG.info("OpenST hub started in {} ms: {} of {} bundles from {} active (framework {} {})",
                    (System.nanoTime() - t0) / 1_000_000, active, installed.size(), bundleDir,
                    framework.getSymbolicName(), framework.getVersion());
        } catch (BundleException | RuntimeException e) {
            stopQuietly(framework);
            throw e;
        }
        return new HubRuntime(h, framework);
    }

    private static Framework newFramework(Map<String, String> props) {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, HubRuntime.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework (FrameworkFactory) on the class path"));
        Map<String, Object> config = new HashMap<>(props);
        // Felix takes a logger object in its configuration: framework messages go to slf4j too.
        config.put("felix.log.logger", new FelixLogBridge());
        @SuppressWarnings({ "unchecked", "rawtypes" })
        Map<String, String> raw = (Map) config;
        return factory.newFramework(raw);
    }

    private static List<Bundle> install(BundleContext context, Path bundleDir, List<String> failures) throws IOException {
        List<Path> jars;
        try (Stream<Path> files = Files.list(bundleDir)) {
            jars = files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)).sorted().toList();
        }
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            try {
                installed.add(context.installBundle(jar.toUri().toString()));
            } catch (BundleException | RuntimeException e) {
                LOG.error("Cannot install {}: {}", jar, e.getMessage(), e);
                failures.add(jar.getFileName() + " (" + e.getMessage() + ")");
            }
        }
        return installed;
    }

    private static int startAll(List<Bundle> bundles, List<String> failures) {
        int active = 0;
        for (Bundle b : bundles) {
            String name = b.getSymbolicName() + " " + b.getVersion();
            if (isFragment(b)) {
                LOG.info("Installed fragment {}", name);
                continue;
            }
            try {
                b.start();
                active++;
                LOG.info("Started {}", name);
            } catch (BundleException | RuntimeException e) {
                LOG.error("Cannot start {} ({}): {}", name, b.getLocation(), e.getMessage(), e);
                failures.add(name + " (" + e.getMessage() + ")");
            }
        }
        return active;
    }

    static boolean isFragment(Bundle b) {
        BundleRevision revision = b.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    /** The distribution folder this runtime runs from. */
    public Path home() {
        return home;
    }

    /** The running framework: {@code framework().getBundleContext()} reaches its services. */
    public Framework framework() {
        return framework;
    }

    /** Stops the framework and waits up to {@link #STOP_TIMEOUT}; does nothing if already stopped. */
    public void stop() {
        stop(STOP_TIMEOUT);
    }

    /**
     * Stops the framework and waits for it.
     *
     * @return whether it stopped within the time-out
     */
    public synchronized boolean stop(Duration timeout) {
        if (stopped) {
            return true;
        }
        LOG.info("Stopping OpenST hub");
        try {
            framework.stop();
            FrameworkEvent event = framework.waitForStop(Math.max(1, timeout.toMillis()));
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                LOG.warn("OpenST hub did not stop within {} s", timeout.toSeconds());
                return false;
            }
            if (event.getType() == FrameworkEvent.ERROR) {
                LOG.error("OpenST hub stopped with an error", event.getThrowable());
            }
        } catch (BundleException e) {
            LOG.error("Stopping the framework failed", e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        stopped = true;
        LOG.info("OpenST hub stopped");
        return true;
    }

    /** Waits until the framework stops (for any reason) and tells why; for the launcher's main thread. */
    FrameworkEvent awaitStop() throws InterruptedException {
        return framework.waitForStop(0);
    }

    /** Notes a stop that happened from inside (Gogo's "stop 0"). */
    synchronized void markStopped() {
        if (!stopped) {
            stopped = true;
            LOG.info("OpenST hub stopped");
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static void stopQuietly(Framework framework) {
        try {
            framework.stop();
            framework.waitForStop(STOP_TIMEOUT.toMillis());
        } catch (BundleException | RuntimeException e) {
            LOG.debug("Stopping a framework that failed to start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
