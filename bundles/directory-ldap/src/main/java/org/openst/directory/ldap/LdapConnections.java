package org.openst.directory.ldap;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;

/**
 * The connection pool of one configuration: connections go to the first server of the list that
 * accepts one (fail-over in order), are secured (ldaps:// or StartTLS, server host name verified)
 * when configured, are bound as the service account, and every operation on them has the
 * response time-out, so no caller waits longer than that for an answer.
 */
final class LdapConnections {

    private LdapConnections() {
    }

    /**
     * Opens no connection yet (a server that is down must not hold up the component's activation);
     * the first operation connects. A connection found dead is replaced and the operation retried
     * once, on the next server that answers.
     */
    static LDAPConnectionPool pool(LdapSettings settings) throws LDAPException, GeneralSecurityException {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(settings.connectTimeoutMs());
        options.setResponseTimeoutMillis(settings.responseTimeoutMs());
        options.setAbandonOnTimeout(true);
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        BindRequest bind = settings.bindDn().isEmpty() ? null
                : new SimpleBindRequest(settings.bindDn(), settings.bindPassword());
        boolean tls = settings.startTls() || settings.servers().stream().anyMatch(LdapSettings.Server::tls);
        SSLSocketFactory sslSockets = tls ? sslUtil(settings).createSSLSocketFactory() : null;
        PostConnectProcessor startTls = settings.startTls() ? new StartTLSPostConnectProcessor(sslSockets) : null;
        List<ServerSet> servers = new ArrayList<>();
        for (LdapSettings.Server s : settings.servers()) {
            // The server set binds (after StartTLS), so a server that accepts connections but fails
            // or never answers the service account's bind counts as down and the next one is tried.
            servers.add(new SingleServerSet(s.host(), s.port(), s.tls() ? sslSockets : null, options, bind, startTls));
        }
        ServerSet set = servers.size() == 1 ? servers.get(0) : new FailoverServerSet(servers);
        // The pool needs the bind request as well, to re-bind a connection after a user's bind.
        LDAPConnectionPool pool = new LDAPConnectionPool(set, bind, 0, settings.poolSize(), 1, null, false);
        pool.setConnectionPoolName("openst-ldap");
        // Waiting for a free connection counts against the same budget as an answer.
        pool.setMaxWaitTimeMillis(settings.responseTimeoutMs());
        pool.setCreateIfNecessary(false);
        pool.setRetryFailedOperationsDueToInvalidConnections(EnumSet.allOf(OperationType.class));
        return pool;
    }

    /** TLS trusting the configured trust store, or the JVM's default one. */
    private static SSLUtil sslUtil(LdapSettings settings) throws GeneralSecurityException {
        if (settings.trustStore() == null) {
            return new SSLUtil(JVMDefaultTrustManager.getInstance());
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(settings.trustStore());
        return new SSLUtil(factory.getTrustManagers());
    }
}
