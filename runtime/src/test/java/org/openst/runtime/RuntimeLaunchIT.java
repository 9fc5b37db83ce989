package org.openst.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

    @TempDir
    Path tmp;

    @Test
    void distributionStartsHotDeploysAndStops() throws Exception {
        Path home = RunningHub.prepare(tmp.resolve("openst-hub"), RunningHub.freePort(), "");

        HubRuntime hub = HubRuntime.start(home, Map.of());
        try {
            BundleContext ctx = hub.framework().getBundleContext();
            List<Path> jars = listJars(home.resolve("bundle"));
            assertFalse(jars.isEmpty(), "bundle/ is empty");

            Await.until("every bundle of bundle/ ACTIVE", () -> notActive(ctx).isEmpty(), () -> "not active: " + notActive(ctx));
            for (Path jar : jars) {
                Bundle b = ctx.getBundle(jar.toUri().toString());
                assertNotNull(b, "installed: " + jar);
            }

            Await.until("a Directory service", () -> directories(ctx).length > 0, () -> "services: " + Arrays.toString(serviceNames(ctx)));
            ServiceReference<?>[] dirs = directories(ctx);
            assertEquals(1, dirs.length);
            assertEquals("org.openst.directory-embedded", dirs[0].getBundle().getSymbolicName());

            // Hot deployment: a jar moved into deploy/ is installed and started, and removed when deleted.
            Path staged = tmp.resolve("test.hotdeploy.jar");
            TestBundles.write(staged, "test.hotdeploy", Map.of(), new String[0]);
            Path deployed = home.resolve("deploy/test.hotdeploy.jar");
            Files.move(staged, deployed, StandardCopyOption.ATOMIC_MOVE);
            Await.until("test.hotdeploy ACTIVE", () -> {
                Bundle b = find(ctx, "test.hotdeploy");
                return b != null && b.getState() == Bundle.ACTIVE;
            }, () -> "bundles: " + describe(ctx));

            Files.delete(deployed);
            Await.until("test.hotdeploy uninstalled", () -> find(ctx, "test.hotdeploy") == null, () -> "bundles: " + describe(ctx));
        } finally {
            hub.stop();
        }
        assertEquals(Bundle.RESOLVED, hub.framework().getState(), "framework state after stop");
        hub.stop(); // a second stop is harmless
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
}
