package org.openst.storage.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openst.client.ServiceChannelHandle;
import org.openst.hub.core.Clients;
import org.openst.hub.core.TestHub;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.WireWriter;
import org.openst.support.testing.LogCapture;

import ch.qos.logback.classic.Level;

/**
 * A malformed storage message ends that channel only, with ERR_REQUEST_INVALID and one log
 * line, after the requests sent before it were answered; the login and other users carry on.
 */
class MalformedStorageRequestTest {
    private final InMemoryUserStorage storage = new InMemoryUserStorage();
    private TestHub hub;
    private StorageService service;

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.removeService(service);
            service.deactivate();
            hub.close();
        }
    }

    static Stream<Arguments> malformed() {
        byte[] value = StorageWire.str("x");
        return Stream.of(
                Arguments.of("truncated LOAD", StorageWire.LOAD, new byte[] {0, 0, 0, 5, 0, 0}),
                Arguments.of("LOAD count larger than its keys", StorageWire.LOAD,
                        new WireWriter().u32(5).u32(2).u32(0).toByteArray()),
                Arguments.of("LOAD with bytes after its keys", StorageWire.LOAD,
                        new WireWriter().u32(5).u32(1).u32(0).u32(0).toByteArray()),
                Arguments.of("SAVE with an inconsistent unit_len", StorageWire.SAVE,
                        new WireWriter().u32(5).u32(1).u32(12 + value.length).u32(6).opq(value).toByteArray()),
                Arguments.of("SAVE whose opq runs past the end", StorageWire.SAVE,
                        new WireWriter().u32(5).u32(1).u32(20 + 100).u32(6).u32(100).toByteArray()),
                Arguments.of("SAVE count larger than its units", StorageWire.SAVE,
                        new WireWriter().u32(5).u32(2).u32(20 + value.length).u32(6).opq(value).toByteArray()),
                Arguments.of("unknown message type", 0x0009, new byte[8]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedMessageClosesOnlyThatChannel(String what, int msgType, byte[] payload) throws IOException {
        hub = new TestHub();
        service = new StorageService(storage, hub.community(), TestConfigs.defaults());
        hub.addService(service);
        try (LogCapture log = new LogCapture(StorageService.class);
                Clients alice = Clients.login(hub, "alice", "alice-pw");
                Clients bob = Clients.login(hub, "bob", "bob-pw")) {
            ServiceChannelHandle aliceChannel = StorageServiceTest.openStorage(alice);
            ServiceChannelHandle bobChannel = StorageServiceTest.openStorage(bob);

            aliceChannel.send(StorageWire.LOAD, StorageWire.load(1, 0)); // answered before the close
            aliceChannel.send(msgType, payload);
            aliceChannel.send(StorageWire.SAVE, StorageWire.save(2, 6, StorageWire.str("after"))); // dropped
            assertEquals(1, StorageWire.loaded(aliceChannel.receive(Clients.WAIT)).requestId());
            assertEquals(ErrorCode.ERR_REQUEST_INVALID, aliceChannel.awaitClosed(Clients.WAIT));
            assertTrue(log.has(Level.WARN, "alice", "ERR_REQUEST_INVALID"), log.messages(Level.WARN).toString());
            assertEquals(1, log.messages(Level.WARN).size(), "one line");

            // Bob is unaffected; alice is still logged in and may open a new channel.
            bobChannel.send(StorageWire.SAVE, StorageWire.save(1, 6, StorageWire.str("bob")));
            assertEquals(new StorageWire.Saved(1, 0), StorageWire.saved(bobChannel.receive(Clients.WAIT)));
            ServiceChannelHandle again = StorageServiceTest.openStorage(alice);
            again.send(StorageWire.LOAD, StorageWire.load(1, 6));
            assertEquals(ErrorCode.ERR_NO_ELEMENT, StorageWire.loaded(again.receive(Clients.WAIT)).result(),
                    "the SAVE sent after the malformed message was not carried out");
        }
    }
}
