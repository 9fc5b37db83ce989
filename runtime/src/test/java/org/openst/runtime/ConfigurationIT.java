package org.openst.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * The configuration of the distribution in a real Felix framework: every shipped {@code .cfg}
 * file is described by the MetaType service (every key a described attribute, every commented
 * default the attribute's default); a bad value written into a running hub's conf/ is refused
 * with a log line naming PID and key while the hub keeps serving on the old value; and a port or
 * a service setting changed live takes effect without a restart.
 */
class ConfigurationIT {
    /** The FileInstall watcher of deploy/: a factory configuration of FileInstall, which publishes no metatype. */
    private static final String DEPLOY_WATCHER = "org.apache.felix.fileinstall-deploy.cfg";
    /** A commented default: "#key = value", no space after '#' (prose comments have one). */
    private static final Pattern COMMENTED_KEY = Pattern.compile("^#([A-Za-z_.][\\w.]*)\\s*=\\s*(.*)$");

    @TempDir
    static Path tmp;
    static RunningHub hub;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeAll
    static void start() throws Exception {
        hub = RunningHub.start(tmp.resolve("hub"), "");
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @BeforeEach
    void captureLog() {
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        root.detachAppender(log);
    }

    // ---------------------------------------------------------------- (1) metatype of every .cfg

    @Test
    void everyShippedCfgFileIsDescribedByTheMetaTypeService() throws Exception {
        Path conf = Path.of(System.getProperty("openst.dist", "target/openst-hub")).resolve("conf");
        List<Path> files;
        try (Stream<Path> list = Files.list(conf)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".cfg"))
                    .filter(p -> !p.getFileName().toString().equals(DEPLOY_WATCHER)).sorted().toList();
        }
        assertTrue(files.size() >= 14, "the shipped .cfg files: " + files);
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            String pid = file.getFileName().toString().replaceFirst("\\.cfg$", "");
            Map<String, String[]> attributes = describedAttributes(pid);
            if (attributes == null) {
                problems.add(pid + ": the MetaType service has no object class definition");
                continue;
            }
            Properties active = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                active.load(r); // the file parses
            }
            Map<String, String> commented = commentedDefaults(file);
            for (String key : active.stringPropertyNames()) {
                if (!attributes.containsKey(key)) {
                    problems.add(pid + ": key " + key + " is not a described attribute " + attributes.keySet());
                }
            }
            for (Map.Entry<String, String> e : commented.entrySet()) {
                String[] expected = attributes.get(e.getKey());
                if (expected == null) {
                    problems.add(pid + ": commented key " + e.getKey() + " is not a described attribute");
                } else if (!e.getValue().equals(String.join(", ", expected))) {
                    problems.add(pid + ": commented default " + e.getKey() + " = '" + e.getValue()
                            + "' but the metatype default is '" + String.join(", ", expected) + "'");
                }
            }
            for (String key : attributes.keySet()) {
                if (!active.containsKey(key) && !commented.containsKey(key)) {
                    problems.add(pid + ": attribute " + key + " is not listed in " + file.getFileName());
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** "#key = value" lines, in file order. */
    private static Map<String, String> commentedDefaults(Path file) throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher m = COMMENTED_KEY.matcher(line.strip());
            if (m.matches()) {
                keys.put(m.group(1), m.group(2).strip());
            }
        }
        return keys;
    }

    /**
     * The attribute IDs and defaults of {@code pid}'s object class definition, asked of the
     * framework's MetaTypeService (by reflection: its API is in the framework's class space only);
     * null when no bundle describes the PID.
     */
    private static Map<String, String[]> describedAttributes(String pid) throws Exception {
        Object metaType = hub.context().getService(serviceReference("org.osgi.service.metatype.MetaTypeService"));
        for (Bundle b : hub.context().getBundles()) {
            Object info = call(metaType, "getMetaTypeInformation", b);
            if (info == null || !List.of((String[]) call(info, "getPids")).contains(pid)) {
                continue;
            }
            Object ocd = call(info, "getObjectClassDefinition", pid, null);
            Map<String, String[]> attributes = new LinkedHashMap<>();
            for (Object ad : (Object[]) call(ocd, "getAttributeDefinitions", -1 /* ObjectClassDefinition.ALL */)) {
                String[] defaults = (String[]) call(ad, "getDefaultValue");
                attributes.put((String) call(ad, "getID"), defaults == null ? new String[0] : defaults);
            }
            return attributes;
        }
        return null;
    }

    private static org.osgi.framework.ServiceReference<?> serviceReference(String name) throws Exception {
        org.osgi.framework.ServiceReference<?>[] refs = hub.context().getAllServiceReferences(name, null);
        assertTrue(refs != null, "no " + name + " service; bundles: " + hub.bundleStates());
        return refs[0];
    }

    /** Calls a public method by name and argument count on an object of the framework's class space. */
    private static Object call(Object target, String method, Object... args) throws Exception {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            for (java.lang.reflect.Method m : type.getMethods()) {
                if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                    m.setAccessible(true); // implementation classes of other bundles need not be public
                    return m.invoke(target, args);
                }
            }
        }
        throw new AssertionError(target.getClass() + " has no method " + method + "/" + args.length);
    }

    // ---------------------------------------------------------------- (2) bad values refused

    @Test
    void aBadPortIsRefusedAndTheHubKeepsServing() throws Exception {
        int port = hub.port;
        writeConf("org.openst.hub.cfg", "port = 70000\nbind.address = 127.0.0.1\n");
        awaitError("org.openst.hub: refused configuration: port must be 0..65535, not 70000");
        assertTrue(RunningHub.logsIn(port, "alice", "alice-pw"), "still serving on " + port);

        writeConf("org.openst.hub.cfg", "port = " + port + "\nbind.address = 127.0.0.1\nlogin.timeout.seconds = -5\n");
        awaitError("org.openst.hub: refused configuration: login.timeout.seconds must be at least 1, not -5");
        assertTrue(RunningHub.logsIn(port, "alice", "alice-pw"), "still serving on " + port);
        writeConf("org.openst.hub.cfg", "port = " + port + "\nbind.address = 127.0.0.1\n");
    }

    /** A service's bad value and a database's bad value: refused, and the service stays registered. */
    @Test
    void badServiceAndDatabaseValuesAreRefusedAndTheOldOnesStay() throws Exception {
        writeConf("org.openst.chatlogging.cfg", "enabled = true\n");
        awaitChatLogEnabled(true);
        writeConf("org.openst.chatlogging.cfg", "enabled = false\nretention.days = -1\n");
        awaitError("org.openst.chatlogging: refused configuration: retention.days must be at least 0, not -1");
        assertEquals(true, hub.callService("org.openst.chatlogging.api.ChatLog", "isEnabled"),
                "the old configuration (enabled) stays in force");

        long storeBefore = serviceId("org.openst.storage.api.ChatLogStore");
        writeConf("org.openst.chatlog.jdbc.cfg", "pool.size = 0\n");
        awaitError("org.openst.chatlog.jdbc: refused configuration: pool.size must be at least 1, not 0");
        assertEquals(storeBefore, serviceId("org.openst.storage.api.ChatLogStore"), "the same chat log database");

        writeConf("org.openst.privacy.cfg", "login.timeout.millis = abc\n");
        awaitError("org.openst.privacy: refused configuration: login.timeout.millis is not a valid int");

        writeConf("org.openst.chatlogging.cfg", "enabled = false\n");
        awaitChatLogEnabled(false);
        writeConf("org.openst.chatlog.jdbc.cfg", "");
        writeConf("org.openst.privacy.cfg", "");
    }

    // ---------------------------------------------------------------- (3) live changes

    @Test
    void aNewPortMovesTheListenerWithoutARestart() throws Exception {
        int old = hub.port;
        int next = RunningHub.freePort();
        try {
            writeConf("org.openst.hub.cfg", "port = " + next + "\nbind.address = 127.0.0.1\n");
            Await.until("logins on the new port " + next, () -> RunningHub.logsIn(next, "bob", "bob-pw"),
                    hub::bundleStates);
            assertThrows(IOException.class, () -> new Socket("127.0.0.1", old).close(), "the old port is closed");
        } finally {
            writeConf("org.openst.hub.cfg", "port = " + old + "\nbind.address = 127.0.0.1\n");
            Await.until("logins on the old port " + old, () -> RunningHub.logsIn(old, "bob", "bob-pw"),
                    hub::bundleStates);
        }
    }

    @Test
    void chatLoggingIsSwitchedOnAndOffWithoutARestart() throws Exception {
        long before = serviceId("org.openst.chatlogging.api.ChatLog");
        writeConf("org.openst.chatlogging.cfg", "enabled = true\n");
        awaitChatLogEnabled(true);
        writeConf("org.openst.chatlogging.cfg", "enabled = false\n");
        awaitChatLogEnabled(false);
        assertEquals(before, serviceId("org.openst.chatlogging.api.ChatLog"), "applied in place, not re-registered");
        assertFalse(errors().stream().anyMatch(m -> m.contains("org.openst.chatlogging")), "no refusal");
    }

    /** Another database setting re-creates the database component: the chat log store comes back, re-registered. */
    @Test
    void aNewDatabaseSettingReopensTheChatLogStore() throws Exception {
        long before = serviceId("org.openst.storage.api.ChatLogStore");
        writeConf("org.openst.chatlog.jdbc.cfg", "pool.size = 3\n");
        Await.until("the chat log store re-registered", () -> {
            try {
                return serviceId("org.openst.storage.api.ChatLogStore") != before;
            } catch (Exception | AssertionError e) {
                return false; // between the old registration and the new one
            }
        }, hub::bundleStates);
        writeConf("org.openst.chatlog.jdbc.cfg", "");
    }

    // ---------------------------------------------------------------- helpers

    /** Replaces a conf/ file the way an editor that saves atomically does (FileInstall never sees half a file). */
    private static void writeConf(String name, String content) throws IOException {
        Path conf = hub.home.resolve("conf");
        Path tmpFile = conf.resolve(name + ".tmp");
        Files.writeString(tmpFile, content, StandardCharsets.UTF_8);
        Files.move(tmpFile, conf.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void awaitError(String text) {
        Await.until("an ERROR line containing '" + text + "'", () -> errors().stream().anyMatch(m -> m.contains(text)),
                () -> "errors logged: " + errors());
    }

    private List<String> errors() {
        synchronized (log) { // AppenderBase appends under the appender's lock
            return log.list.stream().filter(e -> e.getLevel() == Level.ERROR).map(ILoggingEvent::getFormattedMessage)
                    .toList();
        }
    }

    private static void awaitChatLogEnabled(boolean enabled) {
        Await.until("chat logging " + (enabled ? "on" : "off"), () -> {
            try {
                return hub.callService("org.openst.chatlogging.api.ChatLog", "isEnabled").equals(enabled);
            } catch (Exception | AssertionError e) {
                return false;
            }
        }, hub::bundleStates);
    }

    private static long serviceId(String name) throws Exception {
        return (Long) serviceReference(name).getProperty("service.id");
    }
}
