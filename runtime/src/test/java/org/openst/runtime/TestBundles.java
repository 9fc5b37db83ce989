package org.openst.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds small bundles at test time, the way Felix's own integration tests do. */
final class TestBundles {
    private TestBundles() {
    }

    /** Writes a bundle jar with the given headers and the class files of {@code classes}. */
    static void write(Path jar, String symbolicName, Map<String, String> headers, Class<?>... classes) throws IOException {
        write(jar, symbolicName, headers, java.util.Arrays.stream(classes).map(Class::getName).toArray(String[]::new));
    }

    /**
     * The same, naming the classes: for classes the test must not load itself, because the API they
     * implement is only in the framework's class space.
     */
    static void write(Path jar, String symbolicName, Map<String, String> headers, String... classNames) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", symbolicName);
        a.putValue("Bundle-Version", "1.0.0");
        headers.forEach(a::putValue);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            for (String className : classNames) {
                String entry = className.replace('.', '/') + ".class";
                j.putNextEntry(new JarEntry(entry));
                try (InputStream in = TestBundles.class.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(j);
                }
                j.closeEntry();
            }
        }
    }
}
