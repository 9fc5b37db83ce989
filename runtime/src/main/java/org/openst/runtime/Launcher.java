package org.openst.runtime;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.osgi.framework.FrameworkEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar lib/openst-launcher.jar}: runs the hub of the distribution folder until the
 * framework stops or the JVM is told to end (SIGTERM, Ctrl-C), then stops the framework cleanly.
 *
 * <p>Home folder: system property {@value FrameworkProperties#HOME}, else the folder above the
 * launcher jar's {@code lib/}, else the working directory. Exit status: 0 after a stop from inside
 * (Gogo {@code stop 0}); 143 after SIGTERM (the JVM's usual 128 + 15, once the framework has
 * stopped); 1 if the framework or a bundle of {@code bundle/} cannot start; 2 if the home folder is
 * not a distribution.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Path home = home();
        // Before the first logger: logback reads these while it configures itself.
        System.setProperty(FrameworkProperties.HOME, home.toString());
        Path logback = home.resolve("conf").resolve("logback.xml");
        if (System.getProperty("logback.configurationFile") == null && Files.isRegularFile(logback)) {
            System.setProperty("logback.configurationFile", logback.toString());
        }
        JulBridge.install();
        Logger log = LoggerFactory.getLogger(Launcher.class);

        HubRuntime hub;
        try {
            hub = HubRuntime.start(home, launcherProperties(System.getProperty("gosh.args"), System.console() != null));
        } catch (java.io.IOException e) {
            log.error("Cannot start the OpenST hub: {}", e.getMessage());
            System.exit(2);
            return;
        } catch (org.osgi.framework.BundleException e) {
            log.error("The OpenST hub failed to start: {}", e.getMessage()); // each failure was logged above
            System.exit(1);
            return;
        } catch (Exception | LinkageError e) {
            log.error("The OpenST hub failed to start", e);
            System.exit(1);
            return;
        }

        Thread hook = new Thread(hub::stop, "openst-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            FrameworkEvent event = hub.awaitStop();
            if (event.getType() == FrameworkEvent.ERROR) {
                log.error("The framework stopped with an error", event.getThrowable());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            return; // the JVM is shutting down: the hook stops the framework and logs "stopped"
        }
        // Stopped from inside (Gogo "stop 0"): end the JVM even if some bundle left a thread behind.
        hub.markStopped();
        System.exit(0);
    }

    /**
     * The framework properties the launcher adds: Gogo reads the terminal only when there is one
     * and nobody said otherwise ({@code -Dgosh.args=...} wins).
     */
    static Map<String, String> launcherProperties(String goshArgs, boolean terminal) {
        Map<String, String> p = new HashMap<>();
        if (goshArgs != null) {
            p.put("gosh.args", goshArgs);
        } else if (terminal) {
            p.put("gosh.args", "");
        }
        return p;
    }

    static Path home() {
        String prop = System.getProperty(FrameworkProperties.HOME);
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        try {
            Path jar = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path lib = jar.getParent();
            if (Files.isRegularFile(jar) && lib != null && lib.getFileName().toString().equals("lib") && lib.getParent() != null) {
                return lib.getParent().toAbsolutePath().normalize();
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the working directory
        }
        return Path.of("").toAbsolutePath();
    }
}
