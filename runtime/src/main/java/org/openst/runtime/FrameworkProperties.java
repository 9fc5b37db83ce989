package org.openst.runtime;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The framework properties of an OpenST runtime: defaults derived from the home folder, then
 * {@code conf/framework.properties}, then the caller's own.
 */
public final class FrameworkProperties {

    /** Framework property holding the absolute path of the runtime's home folder. */
    public static final String HOME = "openst.home";
    /**
     * Framework property naming the folder where bundles keep persistent data (the storage
     * database, ...); defaults to {@code data/} in the home folder.
     */
    public static final String DATA = "openst.data";
    /** Optional overrides, read from the home folder. */
    public static final String FILE = "conf/framework.properties";

    /** Used when the slf4j-api on the class path does not say its version. */
    static final String FALLBACK_SLF4J_VERSION = "2.0.0";

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    private FrameworkProperties() {
    }

    /**
     * The properties to launch the framework with.
     *
     * @param home      the runtime's home folder (made absolute)
     * @param overrides from {@code conf/framework.properties}; win over the defaults
     * @param extra     the caller's; win over both. {@value #HOME} always ends up as {@code home}.
     */
    public static Map<String, String> build(Path home, Map<String, String> overrides, Map<String, String> extra) {
        Path h = home.toAbsolutePath().normalize();
        Map<String, String> p = new TreeMap<>(defaults(h, slf4jVersion()));
        p.putAll(overrides);
        p.putAll(extra);
        p.put(HOME, h.toString());
        return p;
    }

    static Map<String, String> defaults(Path home, String slf4jVersion) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(HOME, home.toString());
        p.put(DATA, home.resolve("data").toString());
        // The cache is rebuilt at every launch, so what is in bundle/ is what runs.
        p.put("org.osgi.framework.storage", home.resolve("data").resolve("felix-cache").toString());
        p.put("org.osgi.framework.storage.clean", "onFirstInit");
        // Logging lives on the launcher's class path; bundles import org.slf4j from the system
        // bundle. The 1.7.36 exports mirror slf4j-api's own manifest for bundles built against 1.7.
        p.put("org.osgi.framework.system.packages.extra", slf4jPackages(slf4jVersion));
        p.put("felix.log.level", "2");

        // FileInstall, first watcher: conf/ for configurations (Config Admin). The second watcher
        // (deploy/ for bundles) is the factory configuration conf/org.apache.felix.fileinstall-deploy.cfg.
        p.put("felix.fileinstall.dir", home.resolve("conf").toString());
        p.put("felix.fileinstall.filter", ".*\\.(cfg|config)");
        p.put("felix.fileinstall.poll", "1000");
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.enableConfigSave", "false"); // conf/ is the truth; never rewrite it
        p.put("felix.fileinstall.configEncoding", "UTF-8");
        p.put("felix.fileinstall.log.default", "jul");
        p.put("felix.fileinstall.log.level", "3");

        // Gogo never reads the launcher's stdin unless the launcher says so (see Launcher).
        p.put("gosh.args", "--nointeractive");
        return p;
    }

    static String slf4jPackages(String version) {
        String v = version;
        return "org.slf4j;version=" + v + ",org.slf4j.event;version=" + v + ",org.slf4j.helpers;version=" + v
                + ",org.slf4j.spi;version=" + v + ",org.slf4j;version=1.7.36,org.slf4j.helpers;version=1.7.36";
    }

    /** The version of the slf4j-api on the class path, without a qualifier ("2.0.20"). */
    static String slf4jVersion() {
        String v = org.slf4j.Logger.class.getPackage().getImplementationVersion();
        if (v == null || !v.matches("\\d+(\\.\\d+){0,2}([.-].*)?")) {
            return FALLBACK_SLF4J_VERSION;
        }
        String[] parts = v.split("[.-]");
        StringBuilder s = new StringBuilder(parts[0]);
        for (int i = 1; i < 3; i++) {
            s.append('.').append(i < parts.length && parts[i].matches("\\d+") ? parts[i] : "0");
        }
        return s.toString();
    }

    /**
     * Reads {@code conf/framework.properties} (UTF-8) if present; {@code ${name}} in values is
     * replaced by {@value #HOME}, another key of the file, or a system property.
     */
    public static Map<String, String> readFile(Path home) throws IOException {
        Path file = home.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(r);
        }
        Map<String, String> raw = new TreeMap<>();
        props.stringPropertyNames().forEach(k -> raw.put(k, props.getProperty(k)));
        raw.put(HOME, home.toAbsolutePath().normalize().toString());
        Map<String, String> result = new TreeMap<>();
        for (String key : props.stringPropertyNames()) {
            String value = raw.get(key);
            // A few rounds resolve variables that refer to variables; cycles simply stop.
            for (int round = 0; round < 8 && value.contains("${"); round++) {
                String next = substitute(value, raw);
                if (next.equals(value)) {
                    break;
                }
                value = next;
            }
            result.put(key, value);
        }
        return result;
    }

    static String substitute(String value, Map<String, String> known) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement = known.containsKey(name) ? known.get(name) : System.getProperty(name, m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
