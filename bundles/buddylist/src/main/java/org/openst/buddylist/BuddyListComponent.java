package org.openst.buddylist;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;

import org.openst.directory.api.Directory;
import org.openst.hub.api.Community;
import org.openst.hub.api.CommunityListener;
import org.openst.hub.api.Login;
import org.openst.hub.api.ServiceChannel;
import org.openst.hub.api.ServiceProvider;
import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.UserStatus;
import org.openst.support.concurrent.DaemonPools;
import org.openst.support.config.ConfigGate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buddy list server application (seed, "Buddy List"): the awareness service {@code 0x11}
 * (spec §6.2) registered as a {@link ServiceProvider} and a {@link CommunityListener}. The work is
 * done by {@link AwarenessService}; this class binds it to the framework. The directory is
 * optional and dynamic: without one, groups have no members.
 */
@Component(name = BuddyListComponent.PID, configurationPid = BuddyListComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = {ServiceProvider.class, CommunityListener.class}, immediate = true)
@Designate(ocd = BuddyListComponent.Config.class)
public final class BuddyListComponent implements ServiceProvider, CommunityListener {
    private static final Logger LOG = LoggerFactory.getLogger(BuddyListComponent.class);

    static final String PID = "org.openst.buddylist";
    /** Threads for directory look-ups (group members); they may block, network threads must not. */
    private static final int LOOKUP_THREADS = 2;

    @ObjectClassDefinition(name = "OpenST buddy list",
            description = "The awareness service (0x11): presence, attributes and community attributes.")
    @interface Config {
        @AttributeDefinition(name = "Community attributes", description = "Attributes of the community "
                + "server ID {0x0008, \"\", \"\"} that clients may watch: entries KEY=VALUE, several per string "
                + "separated by commas. KEY is decimal or 0x-hex; VALUE is hex:0a0b, bool:true, u32:5, text:... "
                + "or plain text.")
        String[] community_attributes() default {};

        @AttributeDefinition(name = "Subscriptions per channel", description = "The most IDs one awareness "
                + "channel may subscribe to (group members included); more closes it with ERR_REQUEST_INVALID.",
                min = "1")
        int max_subscriptions() default AwarenessSettings.DEFAULT_MAX_SUBSCRIPTIONS;

        @AttributeDefinition(name = "Attribute size", description = "The largest attribute value (bytes) a "
                + "login may set; larger closes its awareness channel.", min = "1")
        int max_attribute_bytes() default AwarenessSettings.DEFAULT_MAX_ATTRIBUTE_BYTES;

        @AttributeDefinition(name = "Attribute keys", description = "The most attribute keys one login may "
                + "set, and one channel may watch.", min = "1")
        int max_attribute_keys() default AwarenessSettings.DEFAULT_MAX_ATTRIBUTE_KEYS;
    }

    private final ConfigGate<Config, AwarenessSettings> gate = new ConfigGate<>(PID, Config.class,
            BuddyListComponent::settings, LOG);
    private final AtomicReference<Directory> directory = new AtomicReference<>();
    private final GroupMembers groups = new DirectoryGroupMembers(directory::get);
    private final ExecutorService lookups;
    private final AwarenessService awareness;

    /** A refused configuration (logged with the PID and key) starts the service on the built-in defaults. */
    @Activate
    public BuddyListComponent(@Reference(name = "community") Community community, Config config) {
        AwarenessSettings settings = gate.initial(config);
        lookups = DaemonPools.unbounded("openst-buddylist-lookup", LOOKUP_THREADS);
        awareness = new AwarenessService(community, settings, groups, lookups);
        LOG.info("buddy list started: awareness service 0x11, {} community attribute(s)",
                settings.communityAttributes().size());
    }

    /** A changed configuration applies at once; a bad one is refused and the old one stays. */
    @Modified
    void modified(Config config) {
        gate.next(config).ifPresent(awareness::update);
    }

    @Deactivate
    void deactivate() {
        awareness.close();
        lookups.shutdownNow();
        LOG.info("buddy list stopped");
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDirectory(Directory d) {
        directory.set(d);
    }

    /** A greedy rebind binds the new directory before unbinding the old: clear only if still current. */
    void unbindDirectory(Directory d) {
        directory.compareAndSet(d, null);
    }

    static AwarenessSettings settings(Config config) {
        return new AwarenessSettings(CommunityAttributes.parse(config.community_attributes()),
                config.max_subscriptions(), config.max_attribute_bytes(), config.max_attribute_keys());
    }

    /** Group membership as the service sees it; for tests. */
    GroupMembers groupMembers() {
        return groups;
    }

    /** The service itself; for tests. */
    AwarenessService awareness() {
        return awareness;
    }

    // ---------------------------------------------------------------- delegation

    @Override
    public int serviceType() {
        return awareness.serviceType();
    }

    @Override
    public void channelCreated(ServiceChannel channel) {
        awareness.channelCreated(channel);
    }

    @Override
    public void received(ServiceChannel channel, int msgType, byte[] data) {
        awareness.received(channel, msgType, data);
    }

    @Override
    public void channelClosed(ServiceChannel channel, int reason, byte[] data) {
        awareness.channelClosed(channel, reason, data);
    }

    @Override
    public void loggedIn(Login login) {
        awareness.loggedIn(login);
    }

    @Override
    public void loggedOut(Login login, int reason) {
        awareness.loggedOut(login, reason);
    }

    @Override
    public void statusChanged(Login login, UserStatus previous) {
        awareness.statusChanged(login, previous);
    }

    @Override
    public void privacyChanged(Login login, PrivacyInfo previous) {
        awareness.privacyChanged(login, previous);
    }
}
