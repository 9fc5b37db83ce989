package org.openst.directory.ldap;

import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;

import org.openst.directory.api.Authentication;
import org.openst.directory.api.Directory;
import org.openst.directory.api.DirectoryGroup;
import org.openst.directory.api.DirectoryUser;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.unboundid.ldap.sdk.LDAPException;

/**
 * The LDAP {@link Directory} as a component: active exactly while its configuration exists
 * ({@code conf/org.openst.directory.ldap.cfg}), ranked above the embedded directory by default, so
 * writing that file moves logins, resolving and browsing to LDAP while everybody stays logged in,
 * and deleting it moves them back. A changed configuration is applied in place (a new pool, the
 * old one closed); a bad one is refused with one log line and the running one stays.
 */
@Component(name = LdapDirectoryComponent.PID, configurationPid = LdapDirectoryComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, service = Directory.class, immediate = true,
        // Above the embedded directory's 0: writing this component's .cfg is how a hub switches to LDAP. Not a
        // configuration key: a .cfg file gives text, and the framework ranks a text service.ranking as 0.
        property = "service.ranking:Integer=100")
@Designate(ocd = LdapDirectoryComponent.Config.class)
public final class LdapDirectoryComponent implements Directory {

    static final String PID = "org.openst.directory.ldap";

    private static final Logger LOG = LoggerFactory.getLogger(LdapDirectoryComponent.class);

    @ObjectClassDefinition(name = "OpenST LDAP directory",
            description = "Users, passwords (by bind) and public groups from LDAP servers.")
    @interface Config {
        @AttributeDefinition(name = "Server URLs", description = "ldap://host:port or ldaps://host:port of each "
                + "server, tried in this order (fail-over); one value may list several, separated by commas or blanks.")
        String[] urls() default {"ldap://127.0.0.1:389"};

        @AttributeDefinition(name = "StartTLS", description = "Secure ldap:// connections with StartTLS before "
                + "binding; a server that refuses counts as down.")
        boolean start_tls() default false;

        @AttributeDefinition(name = "Trust store", description = "A PKCS12 or JKS file with the CA certificates "
                + "that sign the servers' certificates (ldaps:// and StartTLS); empty = the JVM's default trust "
                + "store. Server host names are always verified.", required = false)
        String trust_store() default "";

        @AttributeDefinition(name = "Trust store password", type = AttributeType.PASSWORD, required = false)
        String trust_store_password() default "";

        @AttributeDefinition(name = "Service account DN", description = "The DN the directory binds as to search; "
                + "empty = anonymous searches.", required = false)
        String bind_dn() default "";

        @AttributeDefinition(name = "Service account password", type = AttributeType.PASSWORD, required = false)
        String bind_password() default "";

        @AttributeDefinition(name = "User base DN", description = "Where user entries are searched.")
        String user_base_dn() default "dc=example,dc=org";

        @AttributeDefinition(name = "User search scope", options = {
            @org.osgi.service.metatype.annotations.Option(label = "Whole subtree", value = "sub"),
            @org.osgi.service.metatype.annotations.Option(label = "One level", value = "one")})
        String user_scope() default "sub";

        @AttributeDefinition(name = "User object class", description = "Entries of this class are users; empty = any.",
                required = false)
        String user_object_class() default "inetOrgPerson";

        @AttributeDefinition(name = "Extra user filter", description = "An LDAP filter user entries must also match, "
                + "e.g. (memberOf=cn=im,ou=groups,dc=example,dc=org); empty = none.", required = false)
        String user_filter() default "";

        @AttributeDefinition(name = "User ID attribute", description = "Holds the community user ID (unique, stable).")
        String user_id_attribute() default "uid";

        @AttributeDefinition(name = "Display name attribute")
        String display_name_attribute() default "cn";

        @AttributeDefinition(name = "Login name attributes", description = "A login name may be the value of any "
                + "of these (e.g. uid and mail); it must match exactly one entry.")
        String[] login_attributes() default {"uid", "mail"};

        @AttributeDefinition(name = "Department attribute", description = "Shown as the user's description; "
                + "empty = none.", required = false)
        String department_attribute() default "ou";

        @AttributeDefinition(name = "Disabled account filter", description = "Users matching this LDAP filter may not "
                + "log in and are not found, e.g. (pwdAccountLockedTime=*) or, for Active Directory, "
                + "(userAccountControl:1.2.840.113556.1.4.803:=2); empty = none are disabled.", required = false)
        String disabled_filter() default "";

        @AttributeDefinition(name = "Group base DN", description = "Where public groups are searched; empty = no "
                + "public groups.", required = false)
        String group_base_dn() default "";

        @AttributeDefinition(name = "Group search scope", options = {
            @org.osgi.service.metatype.annotations.Option(label = "Whole subtree", value = "sub"),
            @org.osgi.service.metatype.annotations.Option(label = "One level", value = "one")})
        String group_scope() default "sub";

        @AttributeDefinition(name = "Group object class", required = false)
        String group_object_class() default "groupOfNames";

        @AttributeDefinition(name = "Extra group filter", required = false)
        String group_filter() default "";

        @AttributeDefinition(name = "Group ID attribute")
        String group_id_attribute() default "cn";

        @AttributeDefinition(name = "Group display name attribute")
        String group_name_attribute() default "cn";

        @AttributeDefinition(name = "Group description attribute", required = false)
        String group_description_attribute() default "description";

        @AttributeDefinition(name = "Group member attribute", description = "member or uniqueMember (DNs), "
                + "memberUid (user IDs).")
        String group_member_attribute() default "member";

        @AttributeDefinition(name = "Member values are", options = {
            @org.osgi.service.metatype.annotations.Option(label = "Entry DNs", value = "dn"),
            @org.osgi.service.metatype.annotations.Option(label = "User IDs", value = "user.id")})
        String group_member_type() default "dn";

        @AttributeDefinition(name = "Connection pool size", description = "The most connections open at once.", min = "1")
        int pool_size() default 4;

        @AttributeDefinition(name = "Connect time-out (ms)", description = "Per server; then the next one is tried.",
                min = "1")
        int connect_timeout_ms() default 5000;

        @AttributeDefinition(name = "Response time-out (ms)", description = "The longest wait for any one answer and "
                + "for a free connection; then the directory reports itself unavailable.", min = "1")
        int response_timeout_ms() default 10000;

        @AttributeDefinition(name = "Entries per search", description = "The most entries one search reads "
                + "(browsing, prefix look-ups, group members).", min = "1")
        int max_entries() default 1000;
    }

    private volatile LdapDirectory directory;

    @Activate
    public LdapDirectoryComponent(Config config) throws InvalidSettingException, LDAPException, GeneralSecurityException {
        LdapSettings settings = checked(config);
        if (settings == null) {
            throw new InvalidSettingException(PID, "invalid configuration (see the log line above); not started");
        }
        this.directory = new LdapDirectory(settings);
        LOG.info("{}: directory {}", PID, directory.describe());
    }

    /** Applies a new configuration with a new pool; a bad one is refused and the running one stays. */
    @Modified
    void modified(Config config) {
        LdapSettings settings = checked(config);
        if (settings == null) {
            return;
        }
        LdapDirectory next;
        try {
            next = new LdapDirectory(settings);
        } catch (LDAPException | GeneralSecurityException e) {
            LOG.error("{}: refused the new configuration ({}); keeping {}", PID, e.getMessage(), directory.describe());
            return;
        }
        LdapDirectory old = directory;
        directory = next;
        old.close();
        LOG.info("{}: reconfigured: {}", PID, next.describe());
    }

    @Deactivate
    void deactivate() {
        directory.close();
    }

    /** The settings, or null after one ERROR line naming the PID, the key and why. */
    static LdapSettings checked(Config config) {
        try {
            return LdapSettings.from(config);
        } catch (InvalidSettingException e) {
            LOG.error("{}: refused {}; the configuration in force stays", PID, e.getMessage());
            return null;
        }
    }

    LdapSettings settings() {
        return directory.settings();
    }

    @Override
    public Authentication authenticate(String loginName, String password) {
        return directory.authenticate(loginName, password);
    }

    @Override
    public Optional<DirectoryUser> findUser(String userId) {
        return directory.findUser(userId);
    }

    @Override
    public List<DirectoryUser> resolve(String name, int maxResults) {
        return directory.resolve(name, maxResults);
    }

    @Override
    public List<DirectoryGroup> findGroups(String name, int maxResults) {
        return directory.findGroups(name, maxResults);
    }

    @Override
    public List<DirectoryUser> groupMembers(String groupId) {
        return directory.groupMembers(groupId);
    }

    @Override
    public List<DirectoryUser> search(String query, int offset, int maxResults) {
        return directory.search(query, offset, maxResults);
    }

    @Override
    public String describe() {
        return directory.describe();
    }
}
