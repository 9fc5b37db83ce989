package org.openst.buddylist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.openst.directory.api.Authentication;
import org.openst.directory.api.Directory;
import org.openst.directory.api.DirectoryUser;
import org.openst.hub.core.TestHub;
import org.openst.protocol.AwareIdBlock;
import org.openst.protocol.AwareSnapshot;
import org.openst.support.testing.LogCapture;

import ch.qos.logback.classic.Level;

/** The DS component without a framework: configuration, the optional directory, life cycle. */
class BuddyListComponentTest {
    private static final AwareIdBlock SERVER = new AwareIdBlock(AwareIdBlock.SERVER, "", "");
    private static final AwareIdBlock SALES = new AwareIdBlock(AwareIdBlock.GROUP, "sales", "");

    static BuddyListComponent.Config config(String... attributes) {
        return new BuddyListComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return BuddyListComponent.Config.class;
            }

            @Override
            public String[] community_attributes() {
                return attributes;
            }

            @Override
            public int max_subscriptions() {
                return AwarenessSettings.DEFAULT_MAX_SUBSCRIPTIONS;
            }

            @Override
            public int max_attribute_bytes() {
                return AwarenessSettings.DEFAULT_MAX_ATTRIBUTE_BYTES;
            }

            @Override
            public int max_attribute_keys() {
                return AwarenessSettings.DEFAULT_MAX_ATTRIBUTE_KEYS;
            }
        };
    }

    /** A directory that knows one group. */
    static final class GroupDirectory implements Directory {
        @Override
        public Authentication authenticate(String loginName, String password) {
            return new Authentication.Unavailable("not for logins");
        }

        @Override
        public Optional<DirectoryUser> findUser(String userId) {
            return Optional.empty();
        }

        @Override
        public List<DirectoryUser> resolve(String name, int maxResults) {
            return List.of();
        }

        @Override
        public List<DirectoryUser> groupMembers(String groupId) {
            return groupId.equals("sales") ? List.of(new DirectoryUser("carol", "Carol", "")) : List.of();
        }

        @Override
        public String describe() {
            return "test groups";
        }
    }

    @Test
    void configurationIsAppliedWhileRunningAndBadOnesAreRefused() throws Exception {
        try (TestHub hub = new TestHub()) {
            BuddyListComponent c = new BuddyListComponent(hub.community(), config("100=text:on"));
            hub.addService(c);
            hub.addListener(c);
            try (Watcher alice = Watcher.open(hub, "alice")) {
                alice.watch(100);
                assertTrue(alice.addAndAwait(SERVER).get(0).online());
                assertArrayEquals(bytes("on"), alice.nextGotSet().value());

                try (LogCapture log = new LogCapture(BuddyListComponent.class)) {
                    c.modified(config("100=hex:zz"));         // refused: the old value stays
                    assertTrue(log.has(Level.ERROR, "org.openst.buddylist", "community.attributes entry '100=hex:zz'"),
                            log.messages(Level.ERROR).toString());
                }
                c.modified(config("100=text:off"));
                assertArrayEquals(bytes("off"), alice.nextGotSet().value());

                c.deactivate();
                assertEquals(0, c.awareness().channelCount());
            }
        }
    }

    @Test
    void anInvalidConfigurationAtActivationStartsOnTheDefaults() throws Exception {
        try (TestHub hub = new TestHub(); LogCapture log = new LogCapture(BuddyListComponent.class)) {
            BuddyListComponent c = new BuddyListComponent(hub.community(), config("x"));
            try {
                assertTrue(log.has(Level.ERROR, "org.openst.buddylist", "community.attributes entry 'x'",
                        "built-in defaults"), log.messages(Level.ERROR).toString());
                assertEquals(AwarenessSettings.defaults(), c.awareness().settings());
            } finally {
                c.deactivate();
            }
        }
    }

    @Test
    void groupsComeFromTheBoundDirectory() throws Exception {
        try (TestHub hub = new TestHub()) {
            BuddyListComponent c = new BuddyListComponent(hub.community(), config());
            hub.addService(c);
            hub.addListener(c);
            GroupDirectory directory = new GroupDirectory();
            try (Watcher alice = Watcher.open(hub, "alice")) {
                c.bindDirectory(directory);
                c.unbindDirectory(new GroupDirectory()); // a greedy rebind's late unbind of another one
                List<AwareSnapshot> members = alice.addAndAwait(SALES);
                assertEquals(List.of(new AwareSnapshot(AwareIdBlock.user("carol"), "sales", false, "", null, "")),
                        members);

                c.unbindDirectory(directory);
                assertEquals(List.of(), c.groupMembers().memberIds("sales"), "no directory: no groups");
            } finally {
                c.deactivate();
            }
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
