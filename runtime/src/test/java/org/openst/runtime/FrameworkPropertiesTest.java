package org.openst.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameworkPropertiesTest {

    @TempDir
    Path home;

    @Test
    void defaultsAreDerivedFromTheHomeFolder() {
        Map<String, String> p = FrameworkProperties.build(home, Map.of(), Map.of());
        assertEquals(home.toString(), p.get("openst.home"));
        assertEquals(home.resolve("data/felix-cache").toString(), p.get("org.osgi.framework.storage"));
        assertEquals("onFirstInit", p.get("org.osgi.framework.storage.clean"));
        assertEquals(home.resolve("conf").toString(), p.get("felix.fileinstall.dir"));
        assertEquals("--nointeractive", p.get("gosh.args"));
        assertEquals("UTF-8", p.get("felix.fileinstall.configEncoding"));
        assertEquals("false", p.get("felix.fileinstall.enableConfigSave"));
    }

    @Test
    void theConfWatcherSeesConfigurationsOnly() {
        Pattern filter = Pattern.compile(FrameworkProperties.build(home, Map.of(), Map.of()).get("felix.fileinstall.filter"));
        assertTrue(filter.matcher("org.openst.hub.cfg").matches());
        assertTrue(filter.matcher("org.apache.felix.fileinstall-deploy.cfg").matches());
        assertTrue(filter.matcher("x.config").matches());
        assertTrue(!filter.matcher("users.conf").matches());
        assertTrue(!filter.matcher("logback.xml").matches());
        assertTrue(!filter.matcher("framework.properties").matches());
        assertTrue(!filter.matcher("x.cfg.swp").matches());
    }

    @Test
    void slf4jIsExportedWithTheVersionOnTheClassPath() {
        String version = FrameworkProperties.slf4jVersion();
        assertTrue(version.matches("2\\.\\d+\\.\\d+"), version);
        String extra = FrameworkProperties.build(home, Map.of(), Map.of()).get("org.osgi.framework.system.packages.extra");
        for (String pkg : new String[] { "org.slf4j", "org.slf4j.event", "org.slf4j.helpers", "org.slf4j.spi" }) {
            assertTrue(extra.contains(pkg + ";version=" + version), extra);
        }
        // What bundles built against slf4j 1.7 ask for, as slf4j-api's own manifest offers it.
        assertTrue(extra.contains("org.slf4j;version=1.7.36"), extra);
    }

    @Test
    void fileOverridesDefaultsAndCallerOverridesBoth() {
        Map<String, String> p = FrameworkProperties.build(home, Map.of("felix.log.level", "4", "a", "file"),
                Map.of("a", "caller", "gosh.args", ""));
        assertEquals("4", p.get("felix.log.level"));
        assertEquals("caller", p.get("a"));
        assertEquals("", p.get("gosh.args"));
    }

    @Test
    void homeCannotBeOverridden() {
        Map<String, String> p = FrameworkProperties.build(home, Map.of("openst.home", "/elsewhere"), Map.of("openst.home", "/x"));
        assertEquals(home.toString(), p.get("openst.home"));
    }

    @Test
    void homeIsMadeAbsolute() {
        Map<String, String> p = FrameworkProperties.build(Path.of("some/rel/../dir"), Map.of(), Map.of());
        assertEquals(Path.of("some/dir").toAbsolutePath().toString(), p.get("openst.home"));
    }

    @Test
    void frameworkPropertiesFileIsReadWithSubstitution() throws IOException {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/framework.properties"), """
                # comment
                felix.log.level = 3
                my.dir = ${openst.home}/data/x
                my.sub = ${my.dir}/sub
                my.user = ${user.home}
                my.unknown = ${no.such.property.anywhere}
                my.text = café
                """, StandardCharsets.UTF_8);
        Map<String, String> f = FrameworkProperties.readFile(home);
        assertEquals("3", f.get("felix.log.level"));
        assertEquals(home + "/data/x", f.get("my.dir"));
        assertEquals(home + "/data/x/sub", f.get("my.sub"));
        assertEquals(System.getProperty("user.home"), f.get("my.user"));
        assertEquals("${no.such.property.anywhere}", f.get("my.unknown"));
        assertEquals("café", f.get("my.text"));
        assertEquals("3", FrameworkProperties.build(home, f, Map.of()).get("felix.log.level"));
    }

    @Test
    void missingFileMeansNoOverrides() throws IOException {
        assertEquals(Map.of(), FrameworkProperties.readFile(home));
    }

    @Test
    void launcherMakesGogoInteractiveOnlyOnATerminal() {
        assertEquals(Map.of(), Launcher.launcherProperties(null, false));
        assertEquals(Map.of("gosh.args", ""), Launcher.launcherProperties(null, true));
        assertEquals(Map.of("gosh.args", "--nointeractive"), Launcher.launcherProperties("--nointeractive", true));
    }
}
