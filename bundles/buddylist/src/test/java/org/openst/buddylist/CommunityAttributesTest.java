package org.openst.buddylist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openst.protocol.AwareIdBlock;
import org.openst.protocol.AwareSnapshot;
import org.openst.protocol.UserStatusCode;

/**
 * Seed, "Buddy List": the service distributes community attributes. They are attributes of the
 * server ID {0x0008, "", ""}, which clients watch like any other ID.
 */
class CommunityAttributesTest {
    private static final AwareIdBlock SERVER = new AwareIdBlock(AwareIdBlock.SERVER, "", "");
    private static final int GREETING = 0x2329;
    private static final int FLAG = 7;

    @Test
    void theServerIdIsOnlineAndCarriesTheConfiguredAttributes() throws Exception {
        AwarenessSettings settings = AwarenessSettings.defaults()
                .withCommunityAttributes(CommunityAttributes.parse(new String[] {"0x2329=text:hello, 7=bool:true"}));
        try (AwarenessHub h = new AwarenessHub(settings, GroupMembers.NONE); Watcher alice = Watcher.open(h.hub, "alice")) {
            alice.watch(GREETING);
            AwareIdBlock elsewhere = new AwareIdBlock(AwareIdBlock.SERVER, "elsewhere", "");
            List<AwareSnapshot> s = alice.addAndAwait(SERVER, elsewhere);
            AwareSnapshot server = s.get(0);
            assertEquals(SERVER, server.id());
            assertTrue(server.online());
            assertEquals(UserStatusCode.ACTIVE, server.status().status());
            assertEquals(h.hub.community().communityName(), server.name());
            assertFalse(s.get(1).online(), "a server ID naming another server is offline");
            AwareWire.GotSet greeting = alice.nextGotSet();
            assertEquals(SERVER, greeting.id());
            assertEquals(GREETING, greeting.key());
            assertArrayEquals(bytes("hello"), greeting.value());

            // A configuration change is pushed to watching channels.
            h.service.update(settings.withCommunityAttributes(Map.of(GREETING, AttributeValue.of(bytes("bye")))));
            assertArrayEquals(bytes("bye"), alice.nextGotSet().value());
            alice.watch(GREETING, FLAG); // FLAG is gone: nothing to send
            h.service.update(settings.withCommunityAttributes(Map.of()));
            assertEquals(new AwareWire.GotUnset(SERVER, GREETING), alice.nextGotUnset());
            alice.assertQuietAbout(SERVER);
        }
    }

    @Test
    void entriesParse() {
        Map<Integer, AttributeValue> a = CommunityAttributes.parse(new String[] {
            " 1 = hex:0A0b ,2=bool:false", "0x10=u32:258", "3=text:a=b", "4=plain words", "5="});
        assertArrayEquals(new byte[] {10, 11}, a.get(1).bytes());
        assertArrayEquals(new byte[] {0, 0}, a.get(2).bytes());
        assertArrayEquals(new byte[] {0, 0, 1, 2}, a.get(16).bytes());
        assertArrayEquals(bytes("a=b"), a.get(3).bytes());
        assertArrayEquals(bytes("plain words"), a.get(4).bytes());
        assertEquals(0, a.get(5).length());
        assertEquals(Map.of(), CommunityAttributes.parse(new String[0]));
        assertEquals(Map.of(), CommunityAttributes.parse(new String[] {""}));
    }

    @Test
    void badEntriesAreRefusedNamingTheEntry() {
        for (String bad : new String[] {"novalue", "x=1", "0x1FFFFFFFF=1", "1=hex:abc", "1=bool:yes", "1=u32:-1",
            "1=a,1=b"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> CommunityAttributes.parse(new String[] {bad}), bad);
            assertTrue(e.getMessage().startsWith("community.attributes entry '"), e.getMessage());
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
