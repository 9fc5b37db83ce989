package org.openst.directory.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openst.directory.api.Authentication;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;

/**
 * The component's configuration life: a bad value is refused with one ERROR line naming the PID,
 * the key and why; at activation that means no service, later the running configuration stays.
 */
class LdapDirectoryComponentTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(LdapDirectoryComponent.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private InMemoryDirectoryServer server;
    private InMemoryDirectoryServer other;

    @BeforeEach
    void start() throws Exception {
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
        appender.start();
        logger.addAppender(appender);
        server = TestLdapServer.start();
        other = TestLdapServer.start();
        other.modify("dn: uid=dave,ou=people," + TestConfigs.BASE, "changetype: modify", "replace: cn", "cn: Dave Other");
    }

    @AfterEach
    void stop() {
        logger.detachAppender(appender);
        logger.setLevel(null);
        logger.setAdditive(true);
        server.shutDown(true);
        other.shutDown(true);
    }

    private LdapDirectoryComponent.Config config(InMemoryDirectoryServer on, Map<String, Object> overrides) {
        return TestConfigs.forTestDirectory(TestLdapServer.url(on), TestLdapServer.READER_DN,
                TestLdapServer.READER_PASSWORD, overrides);
    }

    private List<String> errors() {
        return appender.list.stream().filter(e -> e.getLevel() == Level.ERROR).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "urls | http://127.0.0.1:389 | not an LDAP URL",
        "trust.store | /nonexistent/trust.p12 | cannot read '/nonexistent/trust.p12'",
        "urls | ' , ' | names no server",
        "urls | not a url | not an LDAP URL",
        "bind.dn | cn=reader,,dc=x | is not a DN",
        "user.base.dn | '' | is empty",
        "user.scope | base | neither 'sub' nor 'one'",
        "user.filter | (uid=a | is not an LDAP filter",
        "user.object.class | inet orgPerson | not an attribute name",
        "user.id.attribute | 'u id' | not an attribute name",
        "login.attributes | '' | names no attribute",
        "disabled.filter | (&(a=b) | is not an LDAP filter",
        "group.base.dn | ou=groups,,x | is not a DN",
        "group.member.type | uid | neither 'dn'",
        "pool.size | 0 | less than 1",
        "connect.timeout.ms | -1 | less than 1",
        "response.timeout.ms | 0 | less than 1",
        "max.entries | 0 | less than 1"})
    void aBadValueIsRefusedNamingPidKeyAndWhy(String key, String value, String why) {
        Map<String, Object> overrides = new HashMap<>();
        overrides.put(key, key.endsWith(".size") || key.endsWith(".ms") || key.equals("max.entries")
                ? Integer.parseInt(value) : value);
        assertThrows(InvalidSettingException.class, () -> new LdapDirectoryComponent(config(server, overrides)));
        List<String> errors = errors();
        assertEquals(1, errors.size(), errors.toString());
        String line = errors.get(0);
        assertTrue(line.startsWith(LdapDirectoryComponent.PID + ": refused " + key + ":"), line);
        assertTrue(line.contains(why), line);
    }

    @Test
    void startTlsOnLdapsServersIsRefused() {
        assertThrows(InvalidSettingException.class, () -> new LdapDirectoryComponent(config(server,
                Map.of("urls", "ldaps://127.0.0.1:636", "start.tls", true))));
        assertTrue(errors().get(0).startsWith(LdapDirectoryComponent.PID + ": refused start.tls:"), errors().toString());
    }

    @Test
    void aServiceAccountWithoutPasswordIsRefused() {
        assertThrows(InvalidSettingException.class, () -> new LdapDirectoryComponent(config(server,
                Map.of("bind.password", ""))));
        assertTrue(errors().get(0).startsWith(LdapDirectoryComponent.PID + ": refused bind.password:"), errors().toString());
    }

    @Test
    void aGoodChangeIsAppliedInPlaceAndABadOneKeepsTheRunningConfiguration() throws Exception {
        LdapDirectoryComponent component = new LdapDirectoryComponent(config(server, Map.of()));
        try {
            assertEquals("Dave Ldap", component.findUser("dave").orElseThrow().displayName());

            component.modified(config(other, Map.of()));
            assertEquals("Dave Other", component.findUser("dave").orElseThrow().displayName(), "the new server");
            assertEquals(List.of(), errors());

            component.modified(config(server, Map.of("user.scope", "everything")));
            assertEquals(1, errors().size(), errors().toString());
            assertTrue(errors().get(0).contains("user.scope"), errors().get(0));
            assertEquals("Dave Other", component.findUser("dave").orElseThrow().displayName(), "still the old one");
            assertInstanceOf(Authentication.Success.class, component.authenticate("dave", "dave-ldap"));
        } finally {
            component.deactivate();
        }
    }

    @Test
    void severalUrlsInOneValueAsACfgFileGivesThem() throws Exception {
        LdapSettings s = LdapSettings.from(TestConfigs.config(Map.of("urls", "ldap://a.example:389, ldap://b.example ldap://c.example:10389")));
        assertEquals(List.of(new LdapSettings.Server("a.example", 389, false), new LdapSettings.Server("b.example", 389, false),
                new LdapSettings.Server("c.example", 10389, false)), s.servers());
        assertEquals(List.of("uid", "mail"), s.loginAttributes());
    }
}
