package org.openst.buddylist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openst.client.ImConversation;
import org.openst.hub.core.Awaits;
import org.openst.hub.core.Clients;
import org.openst.protocol.AwareIdBlock;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.UserStatus;
import org.openst.protocol.UserStatusCode;

/** The service going away closes its channels only; the rest of the hub keeps working. */
class ProviderRemovalTest {
    private static final AwareIdBlock BOB = AwareIdBlock.user("bob");

    @Test
    void removingTheProviderLeavesImWorkingAndANewProviderServes() throws Exception {
        try (AwarenessHub h = new AwarenessHub(); Watcher alice = Watcher.open(h.hub, "alice");
                Clients bob = Clients.login(h.hub, "bob", "bob-pw")) {
            alice.addAndAwait(BOB);
            h.hub.removeService(h.service);
            assertEquals(ErrorCode.ERR_SERVICE_NO_SUPPORT, alice.channel.awaitClosed(Clients.WAIT));

            ImConversation im = alice.login.client().openIm("bob");
            im.sendText("still here?");
            assertEquals("still here?", bob.events().awaitIm(Clients.WAIT).text());

            // Still a listener: the next fan-out finds the closed channel and forgets it.
            bob.client().setStatus(new UserStatus(UserStatusCode.AWAY, 0, ""));
            Awaits.until(() -> h.service.channelCount() == 0 && h.service.watchedUsers() == 0, "stale state dropped");

            AwarenessService next = new AwarenessService(h.hub.community(), AwarenessSettings.defaults(),
                    GroupMembers.NONE, h.lookups);
            h.hub.removeListener(h.service);
            h.hub.addService(next);
            h.hub.addListener(next);
            var channel = alice.login.client().openServiceChannel(AwareWire.SERVICE, AwareWire.PROTO_TYPE,
                    AwareWire.PROTO_VERSION, null);
            channel.send(AwareWire.AWARE_ADD, AwareWire.ids(BOB));
            assertTrue(AwareWire.snapshot(channel.receive(Clients.WAIT).data()).get(0).online());
            next.close();
        }
    }
}
