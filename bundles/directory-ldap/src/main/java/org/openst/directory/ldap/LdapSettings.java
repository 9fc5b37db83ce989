package org.openst.directory.ldap;

import java.io.File;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.SearchScope;

/**
 * The LDAP directory's configuration, checked as a whole: {@link #from} refuses the first bad key
 * with an {@link InvalidSettingException} naming it, so a half-valid configuration is never used.
 *
 * @param servers           the servers in fail-over order
 * @param startTls          StartTLS on ldap:// connections before anything else is sent
 * @param trustStore        the CA certificates trusted for TLS; null = the JVM's default trust store
 * @param bindDn            the service account that searches; empty = anonymous searches
 * @param bindPassword      its password
 * @param users             where users are and which entries are users
 * @param userIdAttribute   the attribute holding the community user ID
 * @param nameAttribute     the attribute holding the display name
 * @param loginAttributes   the attributes a login name is matched against (any of them)
 * @param departmentAttribute the attribute shown as the user's description; empty = none
 * @param disabledFilter    entries matching it are disabled accounts; null = none are
 * @param groups            where public groups are; null = no public groups
 * @param groupIdAttribute  the attribute holding the group ID
 * @param groupNameAttribute the attribute holding the group's display name
 * @param groupDescriptionAttribute the group's description; empty = none
 * @param memberAttribute   the attribute listing members
 * @param membersByDn       members are entry DNs (groupOfNames) rather than user IDs (posixGroup)
 * @param poolSize          the most connections open at once
 * @param connectTimeoutMs  the longest wait for one server to accept a connection
 * @param responseTimeoutMs the longest wait for any one answer (and for a free pooled connection)
 * @param maxEntries        the most entries one search reads (browsing and prefix look-ups)
 */
record LdapSettings(List<Server> servers, boolean startTls, KeyStore trustStore, String bindDn, String bindPassword, Subtree users,
        String userIdAttribute, String nameAttribute, List<String> loginAttributes, String departmentAttribute,
        Filter disabledFilter, Subtree groups, String groupIdAttribute, String groupNameAttribute,
        String groupDescriptionAttribute, String memberAttribute, boolean membersByDn, int poolSize,
        int connectTimeoutMs, int responseTimeoutMs, int maxEntries) {

    /** One server of the fail-over list; {@code tls}: an ldaps:// server (TLS from the first byte). */
    record Server(String host, int port, boolean tls) {
        @Override
        public String toString() {
            return (tls ? "ldaps://" : "ldap://") + host + ":" + port;
        }
    }

    /** A part of the tree: base DN, scope, and the filter its entries must match (object class and extra filter). */
    record Subtree(String baseDn, SearchScope scope, Filter filter) {
    }

    /** An attribute type name or OID (RFC 4512 descr / numericoid), optionally with options. */
    private static final Pattern ATTRIBUTE = Pattern.compile("([A-Za-z][A-Za-z0-9-]*|[0-9]+(\\.[0-9]+)+)(;[A-Za-z0-9-]+)*");

    static LdapSettings from(LdapDirectoryComponent.Config c) throws InvalidSettingException {
        List<Server> servers = servers(c.urls());
        if (c.start_tls() && servers.stream().anyMatch(Server::tls)) {
            throw new InvalidSettingException("start.tls", "true, but urls has ldaps:// servers, which use TLS already; "
                    + "use ldap:// URLs with StartTLS");
        }
        KeyStore trustStore = trustStore(c.trust_store(), c.trust_store_password());
        String bindDn = dn("bind.dn", c.bind_dn(), true);
        String bindPassword = c.bind_password() == null ? "" : c.bind_password();
        if (!bindDn.isEmpty() && bindPassword.isEmpty()) {
            throw new InvalidSettingException("bind.password", "empty while bind.dn is set (that would be an "
                    + "unauthenticated bind, which servers accept without checking anything)");
        }
        Subtree users = new Subtree(dn("user.base.dn", c.user_base_dn(), false), scope("user.scope", c.user_scope()),
                entryFilter("user.object.class", c.user_object_class(), "user.filter", c.user_filter()));
        String userId = attribute("user.id.attribute", c.user_id_attribute(), false);
        String name = attribute("display.name.attribute", c.display_name_attribute(), false);
        List<String> logins = new ArrayList<>();
        for (String item : items(c.login_attributes())) {
            logins.add(attribute("login.attributes", item, false));
        }
        if (logins.isEmpty()) {
            throw new InvalidSettingException("login.attributes", "names no attribute");
        }
        String department = attribute("department.attribute", c.department_attribute(), true);
        Filter disabled = blank(c.disabled_filter()) ? null : filter("disabled.filter", c.disabled_filter());

        Subtree groups = null;
        if (!blank(c.group_base_dn())) {
            groups = new Subtree(dn("group.base.dn", c.group_base_dn(), false), scope("group.scope", c.group_scope()),
                    entryFilter("group.object.class", c.group_object_class(), "group.filter", c.group_filter()));
        }
        String groupId = attribute("group.id.attribute", c.group_id_attribute(), false);
        String groupName = attribute("group.name.attribute", c.group_name_attribute(), false);
        String groupDescription = attribute("group.description.attribute", c.group_description_attribute(), true);
        String member = attribute("group.member.attribute", c.group_member_attribute(), false);
        boolean byDn = switch (strip(c.group_member_type()).toLowerCase(Locale.ROOT)) {
            case "dn" -> true;
            case "user.id" -> false;
            default -> throw new InvalidSettingException("group.member.type", "'" + c.group_member_type()
                    + "' is neither 'dn' (member values are entry DNs) nor 'user.id' (they are user IDs)");
        };
        return new LdapSettings(List.copyOf(servers), c.start_tls(), trustStore, bindDn, bindPassword, users, userId, name, List.copyOf(logins),
                department, disabled, groups, groupId, groupName, groupDescription, member, byDn,
                atLeast("pool.size", c.pool_size(), 1), atLeast("connect.timeout.ms", c.connect_timeout_ms(), 1),
                atLeast("response.timeout.ms", c.response_timeout_ms(), 1), atLeast("max.entries", c.max_entries(), 1));
    }

    /** The attributes a user search asks for: ID, display name and department. */
    String[] userAttributes() {
        List<String> list = new ArrayList<>(List.of(userIdAttribute, nameAttribute));
        if (!departmentAttribute.isEmpty()) {
            list.add(departmentAttribute);
        }
        return list.toArray(String[]::new);
    }

    String[] groupAttributes() {
        List<String> list = new ArrayList<>(List.of(groupIdAttribute, groupNameAttribute));
        if (!groupDescriptionAttribute.isEmpty()) {
            list.add(groupDescriptionAttribute);
        }
        return list.toArray(String[]::new);
    }

    /** Where to look, for logs and {@code describe()}. */
    String describe() {
        return "LDAP " + servers + " users under '" + users.baseDn() + "'"
                + (groups == null ? "" : ", groups under '" + groups.baseDn() + "'");
    }

    /** Each value may itself list several URLs (a .cfg file gives one string): split on commas and blanks. */
    private static List<Server> servers(String[] urls) throws InvalidSettingException {
        List<Server> servers = new ArrayList<>();
        for (String url : items(urls)) {
            LDAPURL parsed;
            try {
                parsed = new LDAPURL(url);
            } catch (LDAPException e) {
                throw new InvalidSettingException("urls", "'" + url + "' is not an LDAP URL (" + e.getMessage() + ")");
            }
            if (!parsed.hostProvided()) {
                throw new InvalidSettingException("urls", "'" + url + "' names no host");
            }
            servers.add(new Server(parsed.getHost(), parsed.getPort(), parsed.getScheme().equalsIgnoreCase("ldaps")));
        }
        if (servers.isEmpty()) {
            throw new InvalidSettingException("urls", "names no server");
        }
        return servers;
    }

    /** The trust store file read now, so that a missing or unreadable one is refused at once. */
    private static KeyStore trustStore(String path, String password) throws InvalidSettingException {
        if (blank(path)) {
            return null;
        }
        File file = new File(path.strip());
        char[] pin = password == null || password.isEmpty() ? null : password.toCharArray();
        try {
            return KeyStore.getInstance(file, pin); // PKCS12 or JKS, whichever the file is
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) { // IAE: no such file
            throw new InvalidSettingException("trust.store", "cannot read '" + file + "' (" + e.getMessage() + ")");
        }
    }

    private static List<String> items(String[] values) {
        List<String> items = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String item : strip(value).split("[\\s,]+")) {
                    if (!item.isEmpty()) {
                        items.add(item);
                    }
                }
            }
        }
        return items;
    }

    private static String dn(String key, String value, boolean emptyAllowed) throws InvalidSettingException {
        String text = strip(value);
        if (text.isEmpty()) {
            if (emptyAllowed) {
                return "";
            }
            throw new InvalidSettingException(key, "is empty");
        }
        try {
            return new DN(text).toString();
        } catch (LDAPException e) {
            throw new InvalidSettingException(key, "'" + text + "' is not a DN (" + e.getMessage() + ")");
        }
    }

    private static SearchScope scope(String key, String value) throws InvalidSettingException {
        return switch (strip(value).toLowerCase(Locale.ROOT)) {
            case "sub" -> SearchScope.SUB;
            case "one" -> SearchScope.ONE;
            default -> throw new InvalidSettingException(key, "'" + value + "' is neither 'sub' nor 'one'");
        };
    }

    /** {@code (&(objectClass=oc)(extra))}, or the parts present. */
    private static Filter entryFilter(String classKey, String objectClass, String filterKey, String extra)
            throws InvalidSettingException {
        List<Filter> parts = new ArrayList<>();
        String oc = strip(objectClass);
        if (!oc.isEmpty()) {
            parts.add(Filter.createEqualityFilter("objectClass", attribute(classKey, oc, false)));
        }
        if (!blank(extra)) {
            parts.add(filter(filterKey, extra));
        }
        return parts.isEmpty() ? Filter.createPresenceFilter("objectClass") : Filter.createANDFilter(parts);
    }

    private static Filter filter(String key, String value) throws InvalidSettingException {
        String text = strip(value);
        if (!text.startsWith("(")) {
            text = "(" + text + ")";
        }
        try {
            return Filter.create(text);
        } catch (LDAPException e) {
            throw new InvalidSettingException(key, "'" + value + "' is not an LDAP filter (" + e.getMessage() + ")");
        }
    }

    private static String attribute(String key, String value, boolean emptyAllowed) throws InvalidSettingException {
        String text = strip(value);
        if (text.isEmpty() && emptyAllowed) {
            return "";
        }
        if (!ATTRIBUTE.matcher(text).matches()) {
            throw new InvalidSettingException(key, "'" + text + "' is not an attribute name");
        }
        return text;
    }

    private static int atLeast(String key, int value, int min) throws InvalidSettingException {
        if (value < min) {
            throw new InvalidSettingException(key, value + " is less than " + min);
        }
        return value;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
