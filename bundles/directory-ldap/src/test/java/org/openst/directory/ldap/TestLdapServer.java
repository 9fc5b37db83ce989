package org.openst.directory.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;

/** UnboundID's in-memory LDAP server on a free loopback port, loaded with openst-test.ldif. */
final class TestLdapServer {

    static final String READER_DN = "cn=reader,ou=services," + TestConfigs.BASE;
    static final String READER_PASSWORD = "reader-pw";

    private TestLdapServer() {
    }

    static InMemoryDirectoryServer start() throws LDAPException {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(TestConfigs.BASE);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", java.net.InetAddress.getLoopbackAddress(), 0, null));
        // No schema: the tests add entries of classes the default schema lacks (posixGroup).
        config.setSchema(null);
        // Like slapd's default: anonymous clients may not search.
        config.setAuthenticationRequiredOperationTypes(java.util.EnumSet.of(com.unboundid.ldap.sdk.OperationType.SEARCH));
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        try (java.io.InputStream ldif = TestLdapServer.class.getResourceAsStream("/openst-test.ldif")) {
            server.importFromLDIF(true, new com.unboundid.ldif.LDIFReader(ldif));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.startListening();
        return server;
    }

    static String url(InMemoryDirectoryServer server) {
        return "ldap://127.0.0.1:" + server.getListenPort();
    }
}
