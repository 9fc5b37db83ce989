package org.openst.directory.ldap;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.openst.directory.api.Authentication;
import org.openst.directory.api.Directory;
import org.openst.directory.api.DirectoryGroup;
import org.openst.directory.api.DirectoryUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;

/**
 * The directory SPI answered by LDAP servers for one configuration: a user logs in by a bind as
 * the entry the service account found for the login name; names are resolved and browsed by
 * searches whose results are ordered here by the SPI's rules. Every value from a caller goes into
 * filters through the SDK's filter constructors, which escape it (RFC 4515), so a login name such
 * as {@code *)(uid=*} matches nothing instead of everything. Thread-safe; each call may block for
 * up to the response time-out per round trip, never longer.
 */
final class LdapDirectory implements Directory, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LdapDirectory.class);

    private final LdapSettings settings;
    private final LDAPConnectionPool pool;
    /** User entries that may log in and be looked up: the user filter minus disabled accounts. */
    private final LdapSettings.Subtree enabledUsers;

    LdapDirectory(LdapSettings settings) throws LDAPException, GeneralSecurityException {
        this.settings = settings;
        this.pool = LdapConnections.pool(settings);
        LdapSettings.Subtree users = settings.users();
        this.enabledUsers = settings.disabledFilter() == null ? users : new LdapSettings.Subtree(users.baseDn(),
                users.scope(), Filter.createANDFilter(users.filter(), Filter.createNOTFilter(settings.disabledFilter())));
    }

    LdapSettings settings() {
        return settings;
    }

    @Override
    public Authentication authenticate(String loginName, String password) {
        if (loginName == null || loginName.isBlank()) {
            return new Authentication.Refused(Authentication.Reason.UNKNOWN_USER);
        }
        String login = loginName.strip();
        List<Filter> any = new ArrayList<>();
        for (String attribute : settings.loginAttributes()) {
            any.add(Filter.createEqualityFilter(attribute, login));
        }
        try {
            // Disabled accounts are found too: they are refused as DISABLED, after the password.
            List<SearchResultEntry> found = search(settings.users(), Filter.createORFilter(any), 2, settings.userAttributes());
            if (found.isEmpty()) {
                return new Authentication.Refused(Authentication.Reason.UNKNOWN_USER);
            }
            if (found.size() > 1) {
                LOG.warn("{}: login name '{}' matches several entries ({}, {}, ...): refused; make {} unique",
                        LdapDirectoryComponent.PID, login, found.get(0).getDN(), found.get(1).getDN(),
                        settings.loginAttributes());
                return new Authentication.Refused(Authentication.Reason.UNKNOWN_USER);
            }
            SearchResultEntry entry = found.get(0);
            Optional<DirectoryUser> user = user(entry);
            if (user.isEmpty()) {
                return new Authentication.Refused(Authentication.Reason.UNKNOWN_USER);
            }
            if (password == null || password.isEmpty()) {
                // An empty password would make a simple bind "unauthenticated", which servers accept.
                return new Authentication.Refused(Authentication.Reason.WRONG_PASSWORD);
            }
            if (!passwordMatches(entry.getDN(), password)) {
                return new Authentication.Refused(Authentication.Reason.WRONG_PASSWORD);
            }
            if (settings.disabledFilter() != null
                    && !searchBase(entry.getDN(), settings.disabledFilter(), "1.1").isEmpty()) {
                return new Authentication.Refused(Authentication.Reason.DISABLED);
            }
            return new Authentication.Success(user.get());
        } catch (LdapUnavailableException e) {
            return new Authentication.Unavailable(e.getMessage());
        }
    }

    /** A bind as the user on a pooled connection, which goes back to the service account afterwards. */
    private boolean passwordMatches(String dn, String password) {
        SimpleBindRequest bind = new SimpleBindRequest(dn, password);
        bind.setResponseTimeoutMillis(settings.responseTimeoutMs());
        try {
            pool.bindAndRevertAuthentication(bind);
            return true;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                return false;
            }
            throw unavailable("bind as " + dn, e);
        }
    }

    @Override
    public Optional<DirectoryUser> findUser(String userId) {
        if (userId == null || userId.isBlank()) {
            return Optional.empty();
        }
        String id = userId.strip();
        for (SearchResultEntry e : search(enabledUsers, Filter.createEqualityFilter(settings.userIdAttribute(), id), 2,
                settings.userAttributes())) {
            Optional<DirectoryUser> user = user(e);
            if (user.isPresent() && user.get().userId().equalsIgnoreCase(id)) {
                return user;
            }
        }
        return Optional.empty();
    }

    /**
     * Entries whose ID or name attribute equals {@code q}, then those where either starts with it.
     * Exact matches are searched first, so that a prefix search cut at max.entries cannot lose them.
     */
    private List<SearchResultEntry> exactThenPrefix(LdapSettings.Subtree where, String idAttribute,
            String nameAttribute, String q, String[] attributes) {
        List<SearchResultEntry> entries = new ArrayList<>(search(where, Filter.createORFilter(
                Filter.createEqualityFilter(idAttribute, q), Filter.createEqualityFilter(nameAttribute, q)),
                settings.maxEntries(), attributes));
        entries.addAll(search(where, Filter.createORFilter(Filter.createSubInitialFilter(idAttribute, q),
                Filter.createSubInitialFilter(nameAttribute, q)), settings.maxEntries(), attributes));
        return entries;
    }

    @Override
    public List<DirectoryUser> resolve(String name, int maxResults) {
        requirePositive(maxResults);
        if (name == null || name.isBlank()) {
            return List.of();
        }
        String q = name.strip();
        List<SearchResultEntry> entries = exactThenPrefix(enabledUsers, settings.userIdAttribute(),
                settings.nameAttribute(), q, settings.userAttributes());
        return List.copyOf(NameOrder.ranked(users(entries), q, maxResults, DirectoryUser::userId, DirectoryUser::displayName));
    }

    @Override
    public List<DirectoryGroup> findGroups(String name, int maxResults) {
        requirePositive(maxResults);
        LdapSettings.Subtree groups = settings.groups();
        if (groups == null || name == null || name.isBlank()) {
            return List.of();
        }
        String q = name.strip();
        List<SearchResultEntry> entries = exactThenPrefix(groups, settings.groupIdAttribute(),
                settings.groupNameAttribute(), q, settings.groupAttributes());
        List<DirectoryGroup> found = new ArrayList<>();
        for (SearchResultEntry e : entries) {
            group(e).ifPresent(found::add);
        }
        return List.copyOf(NameOrder.ranked(found, q, maxResults, DirectoryGroup::groupId, DirectoryGroup::displayName));
    }

    /**
     * Members in the order the server lists the member attribute's values; members that are not
     * (enabled) users are left out; at most max.entries members are looked up.
     */
    @Override
    public List<DirectoryUser> groupMembers(String groupId) {
        LdapSettings.Subtree groups = settings.groups();
        if (groups == null || groupId == null || groupId.isBlank()) {
            return List.of();
        }
        String id = groupId.strip();
        SearchResultEntry group = null;
        for (SearchResultEntry e : search(groups, Filter.createEqualityFilter(settings.groupIdAttribute(), id), 2,
                settings.groupIdAttribute(), settings.memberAttribute())) {
            String value = e.getAttributeValue(settings.groupIdAttribute());
            if (value != null && value.equalsIgnoreCase(id)) {
                group = e;
                break;
            }
        }
        String[] values = group == null ? null : group.getAttributeValues(settings.memberAttribute());
        if (values == null) {
            return List.of();
        }
        if (values.length > settings.maxEntries()) {
            LOG.warn("{}: group '{}' has {} members; only the first {} (max.entries) are listed",
                    LdapDirectoryComponent.PID, id, values.length, settings.maxEntries());
        }
        List<DirectoryUser> members = new ArrayList<>();
        for (int i = 0; i < values.length && i < settings.maxEntries(); i++) {
            Optional<DirectoryUser> member = settings.membersByDn() ? userAt(values[i]) : findUser(values[i]);
            member.filter(m -> members.stream().noneMatch(u -> u.userId().equalsIgnoreCase(m.userId())))
                    .ifPresent(members::add);
        }
        return List.copyOf(members);
    }

    /** The enabled user whose entry has this DN, if it is one (a member DN may name anything). */
    private Optional<DirectoryUser> userAt(String dn) {
        for (SearchResultEntry e : searchBase(dn, enabledUsers.filter(), settings.userAttributes())) {
            return user(e);
        }
        return Optional.empty();
    }

    @Override
    public List<DirectoryUser> search(String query, int offset, int maxResults) {
        requirePositive(maxResults);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, not " + offset);
        }
        String q = query == null ? "" : query.strip();
        Filter match = q.isEmpty() ? Filter.createPresenceFilter("objectClass")
                : Filter.createORFilter(Filter.createSubAnyFilter(settings.userIdAttribute(), q),
                        Filter.createSubAnyFilter(settings.nameAttribute(), q));
        List<DirectoryUser> sorted = NameOrder.sorted(users(search(enabledUsers, match, settings.maxEntries(),
                settings.userAttributes())), DirectoryUser::userId, DirectoryUser::displayName);
        if (offset >= sorted.size()) {
            return List.of();
        }
        return List.copyOf(sorted.subList(offset, Math.min(sorted.size(), offset + maxResults)));
    }

    @Override
    public String describe() {
        return settings.describe();
    }

    @Override
    public void close() {
        pool.close();
    }

    /**
     * Entries under {@code where} matching its filter and {@code match}; at most {@code limit}
     * (a search the server cut at the limit gives what it sent).
     */
    private List<SearchResultEntry> search(LdapSettings.Subtree where, Filter match, int limit, String... attributes) {
        SearchRequest request = new SearchRequest(where.baseDn(), where.scope(),
                Filter.createANDFilter(where.filter(), match), attributes);
        request.setSizeLimit(limit);
        return run(request, "search under " + where.baseDn(), false);
    }

    /** The entry at {@code dn} if it matches {@code filter}; none when it does not or does not exist. */
    private List<SearchResultEntry> searchBase(String dn, Filter filter, String... attributes) {
        SearchRequest request = new SearchRequest(dn, SearchScope.BASE, filter, attributes);
        request.setSizeLimit(1);
        return run(request, "read " + dn, true);
    }

    private List<SearchResultEntry> run(SearchRequest request, String what, boolean missingIsEmpty) {
        request.setResponseTimeoutMillis(settings.responseTimeoutMs());
        request.setTimeLimitSeconds((settings.responseTimeoutMs() + 999) / 1000);
        try {
            return pool.search(request).getSearchEntries();
        } catch (LDAPSearchException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                return e.getSearchEntries();
            }
            if (missingIsEmpty && (e.getResultCode() == ResultCode.NO_SUCH_OBJECT
                    || e.getResultCode() == ResultCode.INVALID_DN_SYNTAX || e.getResultCode() == ResultCode.REFERRAL)) {
                return List.of(); // a member value naming no entry here: not a user, not a failure
            }
            throw unavailable(what, e);
        }
    }

    private LdapUnavailableException unavailable(String what, LDAPException e) {
        return new LdapUnavailableException("LDAP " + what + " failed: " + e.getResultCode() + " "
                + e.getExceptionMessage(), e);
    }

    private List<DirectoryUser> users(List<SearchResultEntry> entries) {
        List<DirectoryUser> users = new ArrayList<>(entries.size());
        for (SearchResultEntry e : entries) {
            user(e).ifPresent(users::add);
        }
        return users;
    }

    /** The user of an entry; none when it has no user ID (such entries are not community users). */
    private Optional<DirectoryUser> user(SearchResultEntry e) {
        String id = e.getAttributeValue(settings.userIdAttribute());
        if (id == null || id.isBlank()) {
            LOG.debug("{}: {} has no {}: not a user", LdapDirectoryComponent.PID, e.getDN(), settings.userIdAttribute());
            return Optional.empty();
        }
        String department = settings.departmentAttribute().isEmpty() ? null : e.getAttributeValue(settings.departmentAttribute());
        return Optional.of(new DirectoryUser(id, e.getAttributeValue(settings.nameAttribute()), department));
    }

    private Optional<DirectoryGroup> group(SearchResultEntry e) {
        String id = e.getAttributeValue(settings.groupIdAttribute());
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        String description = settings.groupDescriptionAttribute().isEmpty() ? null
                : e.getAttributeValue(settings.groupDescriptionAttribute());
        return Optional.of(new DirectoryGroup(id, e.getAttributeValue(settings.groupNameAttribute()), description));
    }

    private static void requirePositive(int maxResults) {
        if (maxResults < 1) {
            throw new IllegalArgumentException("maxResults must be at least 1, not " + maxResults);
        }
    }
}
