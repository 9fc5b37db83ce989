package org.openst.buddylist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.UnaryOperator;

import org.openst.hub.api.Community;
import org.openst.hub.api.CommunityListener;
import org.openst.hub.api.Login;
import org.openst.hub.api.ServiceChannel;
import org.openst.hub.api.ServiceProvider;
import org.openst.protocol.AwareIdBlock;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.ProtocolException;
import org.openst.protocol.ServiceType;
import org.openst.protocol.UserStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The awareness service (spec §6.2) without OSGi: channels, subscriptions, presence fan-out,
 * privacy, attributes, community attributes and group awareness. {@link BuddyListComponent}
 * runs it in the framework; tests build it directly.
 *
 * <p>Threading: hub callbacks arrive on network threads, several at once. Per-channel work is
 * serialised by the {@link ChannelState} monitor, per-user publishing by the
 * {@link PresenceEntry} monitor (lock order: channel, then entries; see PresenceEntry for why an
 * UPDATE is never overtaken by an older snapshot). Group look-ups run on the {@code lookups}
 * executor because a directory may block.
 */
final class AwarenessService implements ServiceProvider, CommunityListener {
    private static final Logger LOG = LoggerFactory.getLogger(AwarenessService.class);

    /** Spec §6.2: the awareness protocol type; the version is not checked (clients differ). */
    static final int PROTO_TYPE = 0x00000011;

    /** One block an ADD answer holds: the ID to report and register, and the group it came from. */
    private record Requested(IdForm form, IdForm group) {
    }

    private final Community community;
    private final GroupMembers groups;
    private final Executor lookups;
    private final LoginAttributes attributes = new LoginAttributes();
    private final PresenceIndex index;
    private final Set<ChannelState> channels = ConcurrentHashMap.newKeySet();
    private volatile AwarenessSettings settings;
    private volatile boolean closed;

    /**
     * @param groups  group membership; called on {@code lookups} only
     * @param lookups runs group look-ups (they may block)
     */
    AwarenessService(Community community, AwarenessSettings settings, GroupMembers groups, Executor lookups) {
        this.community = community;
        this.settings = settings;
        this.groups = groups;
        this.lookups = lookups;
        this.index = new PresenceIndex(this::userSource, previous -> serverView());
    }

    // ---------------------------------------------------------------- views

    private UnaryOperator<UserView> userSource(String userId) {
        return previous -> {
            List<Login> logins = community.loginsOf(userId);
            Login best = Availability.mostAvailable(logins, previous == null ? null : previous.altId());
            return best == null ? UserView.OFFLINE : UserView.of(best, attributes.of(best.loginId()));
        };
    }

    /** The community server (seed, "Buddy List"): always online, active, named after the community. */
    private UserView serverView() {
        return new UserView(true, "", community.hubId(), UserStatus.active(), community.communityName(), null,
                settings.communityAttributes());
    }

    /** Type-0x0008 IDs naming this server: empty user, the hub ID or the community name. */
    private boolean isThisServer(IdForm form) {
        String user = form.id().user();
        return user.isEmpty() || user.equalsIgnoreCase(community.hubId())
                || user.equalsIgnoreCase(community.communityName());
    }

    // ---------------------------------------------------------------- ServiceProvider

    @Override
    public int serviceType() {
        return ServiceType.AWARENESS;
    }

    @Override
    public void channelCreated(ServiceChannel channel) {
        if (closed) {
            channel.close(ErrorCode.ERR_SERVICE_NO_SUPPORT);
            return;
        }
        if (channel.protoType() != PROTO_TYPE) {
            LOG.info("refusing awareness channel of {}: protocol type 0x{} is not 0x11 (ERR_PROTOCOL_NO_SUPPORT)",
                    channel.login().userId(), Integer.toHexString(channel.protoType()));
            channel.close(ErrorCode.ERR_PROTOCOL_NO_SUPPORT);
            return;
        }
        ChannelState cs = new ChannelState(channel);
        channel.attach(cs);
        channels.add(cs);
        // §6.2: accepted with empty data and no cipher.
        channel.accept(null);
        LOG.debug("awareness channel of {} open", cs.describe());
    }

    @Override
    public void received(ServiceChannel channel, int msgType, byte[] data) {
        if (!(channel.attachment() instanceof ChannelState cs)) {
            return;
        }
        try {
            switch (msgType) {
                case AwareMessages.AWARE_ADD:
                    add(cs, AwareRequests.ids(data));
                    break;
                case AwareMessages.AWARE_REMOVE:
                    remove(cs, AwareRequests.ids(data));
                    break;
                case AwareMessages.OPT_DO_SET:
                    AwareRequests.AttributeSet set = AwareRequests.doSet(data);
                    setAttribute(cs, set.key(), set.value());
                    break;
                case AwareMessages.OPT_DO_UNSET:
                    unsetAttribute(cs, AwareRequests.doUnset(data));
                    break;
                case AwareMessages.OPT_WATCH:
                    watch(cs, AwareRequests.watch(data));
                    break;
                default:
                    // Newer clients may send more; Meanwhile likewise ignores what it does not know.
                    LOG.debug("ignoring awareness message 0x{} from {}", Integer.toHexString(msgType), cs.describe());
            }
        } catch (ProtocolException e) {
            refuse(cs, "malformed " + AwareMessages.name(msgType) + ": " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("awareness service failed on {} from {}; closing the channel (ERR_FAILURE)",
                    AwareMessages.name(msgType), cs.describe(), e);
            drop(cs);
            channel.close(ErrorCode.ERR_FAILURE);
        }
    }

    @Override
    public void channelClosed(ServiceChannel channel, int reason, byte[] data) {
        if (channel.attachment() instanceof ChannelState cs) {
            drop(cs);
        }
    }

    // ---------------------------------------------------------------- CommunityListener

    @Override
    public void loggedIn(Login login) {
        publishUser(login.userId());
    }

    @Override
    public void loggedOut(Login login, int reason) {
        // §6.2.2: attributes belong to the login; watchers get GOT_UNSET for those they saw.
        attributes.drop(login.loginId());
        publishUser(login.userId());
    }

    @Override
    public void statusChanged(Login login, UserStatus previous) {
        publishUser(login.userId());
    }

    @Override
    public void privacyChanged(Login login, PrivacyInfo previous) {
        publishUser(login.userId());
    }

    // ---------------------------------------------------------------- life cycle

    /** The settings in force; for tests. */
    AwarenessSettings settings() {
        return settings;
    }

    /** New settings: limits apply to the next requests; community attribute changes are pushed (seed). */
    void update(AwarenessSettings next) {
        settings = next;
        dropAll(index.server().publish());
    }

    /** Forgets every channel and attribute; later calls are ignored and new channels refused. */
    void close() {
        closed = true;
        for (ChannelState cs : List.copyOf(channels)) {
            drop(cs);
        }
        attributes.clear();
    }

    /** Channels with state; for tests. */
    int channelCount() {
        return channels.size();
    }

    /** The attributes a login set; for tests. */
    Map<Integer, AttributeValue> attributesOf(String loginId) {
        return attributes.of(loginId);
    }

    /** Users somebody watches; for tests. */
    int watchedUsers() {
        return index.watchedUsers();
    }

    // ---------------------------------------------------------------- requests

    private void add(ChannelState cs, List<IdForm> ids) {
        if (ids.isEmpty() || closed) {
            return; // §6.2.1: an ADD with count 0 needs no answer
        }
        List<Requested> direct = new ArrayList<>();
        List<IdForm> groupIds = new ArrayList<>();
        for (IdForm id : ids) {
            if (id.type() == AwareIdBlock.GROUP) {
                groupIds.add(id);
            } else {
                direct.add(new Requested(id, null));
            }
        }
        synchronized (cs) {
            if (cs.closed) {
                return;
            }
            if (newForms(cs, ids) + cs.subscribed.size() > settings.maxSubscriptions()) {
                refuse(cs, "more than max.subscriptions = " + settings.maxSubscriptions() + " subscribed IDs");
                return;
            }
            cs.subscribed.addAll(groupIds);
            if (!direct.isEmpty()) {
                answer(cs, direct);
            }
        }
        if (!groupIds.isEmpty()) {
            try {
                lookups.execute(() -> answerGroups(cs, groupIds));
            } catch (RejectedExecutionException e) {
                LOG.debug("group look-up for {} not run: shutting down", cs.describe());
            }
        }
    }

    /** How many distinct IDs of {@code ids} the channel has not subscribed yet. Caller holds its monitor. */
    private static int newForms(ChannelState cs, List<IdForm> ids) {
        Set<IdForm> fresh = new LinkedHashSet<>(ids);
        fresh.removeAll(cs.subscribed);
        return fresh.size();
    }

    /**
     * Registers and answers with one AWARE_SNAPSHOT holding one block per requested ID, in order,
     * then OPT_GOT_SET for the watched attributes of those online (§6.2.1, §6.2.2), then whatever
     * changed while the snapshot was on its way. Caller holds the channel's monitor.
     */
    private void answer(ChannelState cs, List<Requested> requests) {
        AwareMessages.SnapshotBuilder snapshot = new AwareMessages.SnapshotBuilder();
        Map<IdForm, PresenceEntry.Registration> registered = new LinkedHashMap<>();
        for (Requested r : requests) {
            cs.subscribed.add(r.form());
            PresenceEntry.Registration reg = registered.get(r.form());
            if (reg == null) {
                reg = register(cs, r.form());
                if (reg != null) {
                    registered.put(r.form(), reg);
                }
            }
            snapshot.add(r.form(), r.group(), reg == null ? UserView.OFFLINE : reg.view().shownTo(cs.watcherUserId));
        }
        cs.channel.send(AwareMessages.AWARE_SNAPSHOT, snapshot.build());
        Set<Integer> watched = cs.watchKeys;
        for (PresenceEntry.Registration reg : registered.values()) {
            WatcherUpdates.sendAttributes(cs, reg.subscription().form, reg.view().shownTo(cs.watcherUserId), watched);
        }
        for (PresenceEntry.Registration reg : registered.values()) {
            reg.entry().catchUp(reg);
        }
    }

    /** Subscribes to a user or this server; null (answered offline, not indexed) for other IDs. */
    private PresenceEntry.Registration register(ChannelState cs, IdForm form) {
        if (form.type() == AwareIdBlock.USER) {
            return index.subscribeUser(form, cs);
        }
        if (form.type() == AwareIdBlock.SERVER && isThisServer(form)) {
            return index.subscribeServer(form, cs);
        }
        LOG.debug("{} added {}, which names nothing known here: answered offline", cs.describe(), form);
        return null;
    }

    private void unregister(ChannelState cs, IdForm form) {
        if (form.type() == AwareIdBlock.USER) {
            index.unsubscribeUser(form, cs);
        } else if (form.type() == AwareIdBlock.SERVER) {
            index.unsubscribeServer(form, cs);
        }
    }

    /**
     * Group awareness (§6.2.4), on the look-up executor: one AWARE_SNAPSHOT with a block per member
     * of every group of one ADD, each with id {2, member, ""} and group = the group ID exactly as
     * added. The members are subscribed at once, as Meanwhile adds them right after (it sends
     * AWARE_ADD for each member), so their later changes flow as ordinary UPDATEs.
     */
    private void answerGroups(ChannelState cs, List<IdForm> groupIds) {
        Map<IdForm, List<String>> members = new LinkedHashMap<>();
        for (IdForm g : groupIds) {
            try {
                members.put(g, groups.memberIds(g.id().user()));
            } catch (RuntimeException e) {
                LOG.warn("members of group {} for {} unavailable: {}", g, cs.describe(), e.toString());
                members.put(g, List.of());
            }
        }
        synchronized (cs) {
            if (cs.closed) {
                return;
            }
            List<Requested> requests = new ArrayList<>();
            Set<IdForm> fresh = new LinkedHashSet<>();
            int room = settings.maxSubscriptions() - cs.subscribed.size();
            for (Map.Entry<IdForm, List<String>> e : members.entrySet()) {
                if (!cs.subscribed.contains(e.getKey())) {
                    continue; // removed while we looked it up
                }
                for (String member : e.getValue()) {
                    IdForm form = IdForm.of(AwareIdBlock.user(member));
                    if (!cs.subscribed.contains(form) && !fresh.contains(form)) {
                        if (fresh.size() >= room) {
                            LOG.warn("group {} of {}: members beyond max.subscriptions = {} left out", e.getKey(),
                                    cs.describe(), settings.maxSubscriptions());
                            break;
                        }
                        fresh.add(form);
                    }
                    requests.add(new Requested(form, e.getKey()));
                }
            }
            if (requests.isEmpty()) {
                LOG.debug("groups {} of {} have no members", groupIds, cs.describe());
                return;
            }
            answer(cs, requests);
        }
    }

    private void remove(ChannelState cs, List<IdForm> ids) {
        synchronized (cs) {
            if (cs.closed) {
                return;
            }
            for (IdForm form : ids) {
                if (cs.subscribed.remove(form)) {
                    unregister(cs, form);
                }
            }
        }
    }

    /**
     * OPT_WATCH replaces the watched keys (§6.2). The current values of keys not watched before are
     * sent for every subscribed ID; keys watched already are not repeated (Pidgin sends a WATCH per
     * buddy group, always with the same keys).
     */
    private void watch(ChannelState cs, Set<Integer> keys) {
        if (keys.size() > settings.maxAttributeKeys()) {
            refuse(cs, "watches " + keys.size() + " keys, more than max.attribute.keys = " + settings.maxAttributeKeys());
            return;
        }
        synchronized (cs) {
            if (cs.closed) {
                return;
            }
            Set<Integer> before = cs.watchKeys;
            cs.watchKeys = Set.copyOf(keys);
            Set<Integer> added = new TreeSet<>(keys);
            added.removeAll(before);
            if (added.isEmpty()) {
                return;
            }
            for (IdForm form : cs.subscribed) {
                PresenceEntry e = entryOf(form);
                if (e != null) {
                    e.sendAttributes(form, cs, added);
                }
            }
        }
    }

    private PresenceEntry entryOf(IdForm form) {
        if (form.type() == AwareIdBlock.USER) {
            return index.user(form.id().user());
        }
        return form.type() == AwareIdBlock.SERVER ? index.server() : null;
    }

    private void setAttribute(ChannelState cs, int key, byte[] value) {
        AwarenessSettings s = settings;
        if (value.length > s.maxAttributeBytes()) {
            refuse(cs, "attribute 0x" + Integer.toHexString(key) + " of " + value.length
                    + " bytes, more than max.attribute.bytes = " + s.maxAttributeBytes());
            return;
        }
        Login login = cs.channel.login();
        switch (attributes.set(login.loginId(), key, AttributeValue.of(value), s.maxAttributeKeys())) {
            case FULL:
                refuse(cs, "sets more than max.attribute.keys = " + s.maxAttributeKeys() + " attributes");
                break;
            case CHANGED:
                if (!login.isActive()) {
                    attributes.drop(login.loginId()); // raced with the logout
                    return;
                }
                publishUser(login.userId());
                break;
            default:
                break;
        }
    }

    private void unsetAttribute(ChannelState cs, int key) {
        Login login = cs.channel.login();
        if (attributes.unset(login.loginId(), key)) {
            publishUser(login.userId());
        }
    }

    // ---------------------------------------------------------------- publishing and clean-up

    private void publishUser(String userId) {
        if (!closed) {
            dropAll(index.publishUser(userId));
        }
    }

    /** Bad input: the channel is closed with ERR_REQUEST_INVALID and one log line; nobody else is affected. */
    private void refuse(ChannelState cs, String why) {
        LOG.warn("closing awareness channel of {}: {} (ERR_REQUEST_INVALID)", cs.describe(), why);
        drop(cs);
        cs.channel.close(ErrorCode.ERR_REQUEST_INVALID);
    }

    /** Forgets a channel: its subscriptions leave the reverse index. */
    private void drop(ChannelState cs) {
        synchronized (cs) {
            if (cs.closed) {
                return;
            }
            cs.closed = true;
            for (IdForm form : cs.subscribed) {
                unregister(cs, form);
            }
            cs.subscribed.clear();
        }
        channels.remove(cs);
    }

    /**
     * Channels a fan-out found closed without our being told (the hub closes a removed provider's
     * channels itself).
     */
    private void dropAll(List<ChannelState> dead) {
        for (ChannelState cs : dead) {
            drop(cs);
        }
    }
}
