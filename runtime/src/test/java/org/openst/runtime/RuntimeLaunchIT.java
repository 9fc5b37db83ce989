package org.openst.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Starts a copy of the built distribution (target/openst-hub) through {@link HubRuntime}, the way
 * integration tests of the whole server do, and checks bundles, the directory service and hot
 * deployment.
 */
class RuntimeLaunchIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    @Test
    void distributionStartsHotDeploysAndStops() throws Exception {
        Path home = copyDistribution(tmp.resolve("openst-hub"));
        int port = freePort();
        Files.writeString(home.resolve("conf/org.openst.hub.cfg"),
                "port = " + port + "\nbind.address = 127.0.0.1\nhub.id = hub1\ncommunity = openst.local\n",
                StandardCharsets.UTF_8);

        HubRuntime hub = HubRuntime.start(home, Map.of());
        try {
            BundleContext ctx = hub.framework().getBundleContext();
            List<Path> jars = listJars(home.resolve("bundle"));
            assertFalse(jars.isEmpty(), "bundle/ is empty");

            await("every bundle of bundle/ ACTIVE", () -> notActive(ctx).isEmpty(), () -> "not active: " + notActive(ctx));
            for (Path jar : jars) {
                Bundle b = ctx.getBundle(jar.toUri().toString());
                assertNotNull(b, "installed: " + jar);
            }

            await("a Directory service", () -> directories(ctx).length > 0, () -> "services: " + Arrays.toString(serviceNames(ctx)));
            ServiceReference<?>[] dirs = directories(ctx);
            assertEquals(1, dirs.length);
            assertEquals("org.openst.directory-embedded", dirs[0].getBundle().getSymbolicName());

            // Hot deployment: a jar moved into deploy/ is installed and started, and removed when deleted.
            Path staged = tmp.resolve("test.hotdeploy.jar");
            writeManifestOnlyBundle(staged, "test.hotdeploy", "1.0.0");
            Path deployed = home.resolve("deploy/test.hotdeploy.jar");
            Files.move(staged, deployed, StandardCopyOption.ATOMIC_MOVE);
            await("test.hotdeploy ACTIVE", () -> {
                Bundle b = find(ctx, "test.hotdeploy");
                return b != null && b.getState() == Bundle.ACTIVE;
            }, () -> "bundles: " + describe(ctx));

            Files.delete(deployed);
            await("test.hotdeploy uninstalled", () -> find(ctx, "test.hotdeploy") == null, () -> "bundles: " + describe(ctx));
        } finally {
            hub.stop();
        }
        assertEquals(Bundle.RESOLVED, hub.framework().getState(), "framework state after stop");
        hub.stop(); // a second stop is harmless
    }

    private static Path copyDistribution(Path target) throws IOException {
        Path dist = Path.of(System.getProperty("openst.dist", "target/openst-hub"));
        assertTrue(Files.isDirectory(dist.resolve("bundle")), "no distribution at " + dist.toAbsolutePath() + " (run mvn package)");
        try (Stream<Path> files = Files.walk(dist)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(dist.relativize(p).toString());
                Path rel = dist.relativize(p);
                if (rel.startsWith("data") || rel.startsWith("log")) {
                    continue; // run-time folders of a hub someone ran by hand
                }
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static List<Path> listJars(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    private static List<String> notActive(BundleContext ctx) {
        return Arrays.stream(ctx.getBundles())
                .filter(b -> b.getState() != Bundle.ACTIVE && !HubRuntime.isFragment(b))
                .map(b -> b.getSymbolicName() + "=" + b.getState()).toList();
    }

    private static Bundle find(BundleContext ctx, String symbolicName) {
        return Arrays.stream(ctx.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst().orElse(null);
    }

    private static String describe(BundleContext ctx) {
        return Arrays.stream(ctx.getBundles()).map(b -> b.getSymbolicName() + "=" + b.getState()).collect(Collectors.joining(", "));
    }

    /**
     * By name and regardless of class space (getAllServiceReferences): the test shares no class
     * with the framework, and if an API jar were on the test class path, getServiceReference
     * would hide services whose classes differ from the ones the system bundle sees.
     */
    private static ServiceReference<?>[] directories(BundleContext ctx) {
        try {
            ServiceReference<?>[] refs = ctx.getAllServiceReferences("org.openst.directory.api.Directory", null);
            return refs == null ? new ServiceReference<?>[0] : refs;
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private static String[] serviceNames(BundleContext ctx) {
        try {
            ServiceReference<?>[] refs = ctx.getAllServiceReferences(null, null);
            return refs == null ? new String[0]
                    : Arrays.stream(refs).map(r -> Arrays.toString((String[]) r.getProperty("objectClass"))).toArray(String[]::new);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private static void writeManifestOnlyBundle(Path jar, String symbolicName, String version) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", symbolicName);
        a.putValue("Bundle-Version", version);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
    }

    private static void await(String what, BooleanSupplier condition, java.util.function.Supplier<String> state)
            throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + DEADLINE.toSeconds() + " s waiting for " + what + "; " + state.get());
            }
            Thread.sleep(50);
        }
    }
}
