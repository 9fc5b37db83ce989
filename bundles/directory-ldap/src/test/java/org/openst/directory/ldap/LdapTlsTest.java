package org.openst.directory.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openst.directory.api.Authentication;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldif.LDIFReader;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;

/**
 * TLS: ldaps:// and StartTLS against the in-memory server with a self-signed certificate for the
 * loopback address, trusted through the trust.store setting; without it the server is not trusted
 * and the directory reports itself unavailable.
 */
class LdapTlsTest {

    @TempDir
    static Path dir;
    static InMemoryDirectoryServer server;
    static Path trustStore;

    @BeforeAll
    static void start() throws Exception {
        File keyStore = dir.resolve("server.p12").toFile();
        // The JDK's keytool: a certificate for exactly these names (127.0.0.1, ldap.test), not localhost.
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=ldap.test",
                "-ext", "SAN=dns:ldap.test,ip:127.0.0.1", "-validity", "2", "-keystore", keyStore.toString(),
                "-storetype", "PKCS12", "-storepass", "server-pw", "-keypass", "server-pw")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, keytool.waitFor(), output);
        SSLUtil serverTls = new SSLUtil(new KeyStoreKeyManager(keyStore, "server-pw".toCharArray(), "PKCS12", "server"),
                new TrustAllTrustManager());
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(TestConfigs.BASE);
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPSConfig("ldaps", loopback, 0, serverTls.createSSLServerSocketFactory(), null),
                InMemoryListenerConfig.createLDAPConfig("ldap", loopback, 0, serverTls.createSSLSocketFactory()));
        config.setSchema(null);
        server = new InMemoryDirectoryServer(config);
        try (var ldif = LdapTlsTest.class.getResourceAsStream("/openst-test.ldif")) {
            server.importFromLDIF(true, new LDIFReader(ldif));
        }
        server.startListening();

        // The clients' trust store: the server's certificate as a trusted entry.
        KeyStore serverKeys = KeyStore.getInstance(keyStore, "server-pw".toCharArray());
        Certificate certificate = serverKeys.getCertificate("server");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ldap-server", certificate);
        trustStore = dir.resolve("trust.p12");
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            trust.store(out, "trust-pw".toCharArray());
        }
    }

    @AfterAll
    static void stop() {
        server.shutDown(true);
    }

    private static LdapDirectory directory(String url, Map<String, Object> overrides) throws Exception {
        Map<String, Object> keys = new HashMap<>(overrides);
        return new LdapDirectory(LdapSettings.from(TestConfigs.forTestDirectory(url, TestLdapServer.READER_DN,
                TestLdapServer.READER_PASSWORD, keys)));
    }

    private static Map<String, Object> trusted() {
        return Map.of("trust.store", trustStore.toString(), "trust.store.password", "trust-pw");
    }

    @Test
    void ldapsWithTheServersCertificateTrusted() throws Exception {
        try (LdapDirectory d = directory("ldaps://127.0.0.1:" + server.getListenPort("ldaps"), trusted())) {
            Authentication a = d.authenticate("dave", "dave-ldap");
            assertInstanceOf(Authentication.Success.class, a, a.toString());
            assertEquals("Dave Ldap", d.findUser("dave").orElseThrow().displayName());
        }
    }

    @Test
    void startTlsWithTheServersCertificateTrusted() throws Exception {
        Map<String, Object> keys = new HashMap<>(trusted());
        keys.put("start.tls", true);
        try (LdapDirectory d = directory("ldap://127.0.0.1:" + server.getListenPort("ldap"), keys)) {
            Authentication a = d.authenticate("dave", "dave-ldap");
            assertInstanceOf(Authentication.Success.class, a, a.toString());
        }
    }

    @Test
    void anUntrustedServerIsUnavailable() throws Exception {
        try (LdapDirectory d = directory("ldaps://127.0.0.1:" + server.getListenPort("ldaps"), Map.of())) {
            Authentication a = d.authenticate("dave", "dave-ldap");
            assertInstanceOf(Authentication.Unavailable.class, a, a.toString());
        }
        try (LdapDirectory d = directory("ldap://127.0.0.1:" + server.getListenPort("ldap"), Map.of("start.tls", true))) {
            Authentication a = d.authenticate("dave", "dave-ldap");
            assertInstanceOf(Authentication.Unavailable.class, a, a.toString());
        }
    }

    @Test
    void aCertificateForAnotherHostNameIsRefused() throws Exception {
        // The same trusted certificate and server, reached by a name the certificate does not list.
        try (LdapDirectory d = directory("ldaps://localhost:" + server.getListenPort("ldaps"), trusted())) {
            Authentication a = d.authenticate("dave", "dave-ldap");
            assertTrue(assertInstanceOf(Authentication.Unavailable.class, a, a.toString()).detail()
                    .contains("Hostname verification failed"), a.toString());
        }
    }
}
