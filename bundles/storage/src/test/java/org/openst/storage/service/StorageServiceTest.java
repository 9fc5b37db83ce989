package org.openst.storage.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openst.client.ChannelMessage;
import org.openst.client.ChannelRefusedException;
import org.openst.client.ServiceChannelHandle;
import org.openst.hub.core.Awaits;
import org.openst.hub.core.Clients;
import org.openst.hub.core.TestHub;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.ServiceType;
import org.openst.protocol.WireWriter;
import org.openst.storage.service.StorageWire.Loaded;
import org.openst.storage.service.StorageWire.Saved;
import org.openst.support.testing.Gate;
import org.openst.support.testing.LogCapture;

import ch.qos.logback.classic.Level;

/**
 * The storage service end to end: a real hub, real clients opening the storage channel as
 * Meanwhile does (service 0x18, proto 0x25/1), the component built with {@code new} and an
 * in-memory storage.
 */
class StorageServiceTest {
    /** The list of spec §1.4, exactly as stored by the verified run. */
    static final String SPEC_LIST = "Version=3.1.3\r\nG Friends2 Friends O\r\nU bob1:: Bob;Builder,\r\n"
            + "U carol1:: Carol,C\r\n";
    private static final long AWAY_MESSAGES = 0x50;

    final InMemoryUserStorage storage = new InMemoryUserStorage();
    TestHub hub;
    StorageService service;

    void start(StorageService.Config config) throws IOException {
        hub = new TestHub();
        service = new StorageService(storage, hub.community(), config);
        hub.addService(service);
    }

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.removeService(service);
            service.deactivate();
            hub.close();
        }
    }

    static ServiceChannelHandle openStorage(Clients c) throws IOException {
        return c.client().openServiceChannel(ServiceType.STORAGE, 0x25, 1, null);
    }

    static ChannelMessage next(ServiceChannelHandle ch) throws IOException {
        return ch.receive(Clients.WAIT);
    }

    @Test
    void savedStringLoadsBackByteExact() throws IOException {
        start(TestConfigs.defaults());
        byte[] value = StorageWire.str("lunch;meeting;gone home");
        try (Clients alice = Clients.login(hub, "alice", "alice-pw")) {
            ServiceChannelHandle ch = openStorage(alice);
            ch.send(StorageWire.SAVE, StorageWire.save(1, AWAY_MESSAGES, value));
            assertEquals(new Saved(1, 0), StorageWire.saved(next(ch)));
            ch.send(StorageWire.LOAD, StorageWire.load(2, AWAY_MESSAGES));
            Loaded loaded = StorageWire.loaded(next(ch));
            assertEquals(2, loaded.requestId());
            assertEquals(0, loaded.result());
            assertEquals(1, loaded.units().size());
            assertEquals(AWAY_MESSAGES, loaded.units().get(0).key());
            assertArrayEquals(value, loaded.units().get(0).value());
        }
    }

    @Test
    void savedBuddyListLoadsBackByteExactWithMeanwhilesUnitLength() throws IOException {
        start(TestConfigs.defaults());
        byte[] list = StorageWire.str(SPEC_LIST);
        try (Clients alice = Clients.login(hub, "alice", "alice-pw")) {
            ServiceChannelHandle ch = openStorage(alice);
            ch.send(StorageWire.SAVE, StorageWire.save(1, 0, list));
            assertEquals(new Saved(1, 0), StorageWire.saved(next(ch)));
            assertArrayEquals(list, storage.get("alice", 0));

            ch.send(StorageWire.LOAD, StorageWire.load(2, 0));
            byte[] expected = new WireWriter().u32(2).u32(0).u32(1).u32(24 + list.length).u32(0).opq(list).toByteArray();
            assertArrayEquals(expected, next(ch).data(), "LOADED exactly as spec §6.6 recommends");
        }
    }

    @Test
    void loadOfAKeyNeverSavedAnswersNoElementWithCountZero() throws IOException {
        start(TestConfigs.defaults());
        try (Clients alice = Clients.login(hub, "alice", "alice-pw")) {
            ServiceChannelHandle ch = openStorage(alice);
            ch.send(StorageWire.LOAD, StorageWire.load(1, 0));
            // The empty-list rule (§6.6): never success with an empty value, or Pidgin deletes its buddies.
            byte[] expected = new WireWriter().u32(1).u32(ErrorCode.ERR_NO_ELEMENT).u32(0).toByteArray();
            ChannelMessage m = next(ch);
            assertEquals(StorageWire.LOADED, m.msgType());
            assertArrayEquals(expected, m.data());
        }
    }

    @Test
    void loadOfSeveralKeysAnswersTheOnesFoundWithEndOffsets() throws IOException {
        start(TestConfigs.defaults());
        storage.preset("alice", 6, StorageWire.str("join me"));
        storage.preset("alice", 0x64, StorageWire.str("here"));
        try (Clients alice = Clients.login(hub, "alice", "alice-pw")) {
            ServiceChannelHandle ch = openStorage(alice);
            ch.send(StorageWire.LOAD, StorageWire.load(5, 6, 0xE, 0x64));
            Loaded loaded = StorageWire.loaded(next(ch));
            assertEquals(0, loaded.result());
            assertEquals(2, loaded.units().size());
            assertEquals(6, loaded.units().get(0).key());
            assertEquals(0x64, loaded.units().get(1).key());
            // unit_len = end offset of the unit from the start of the payload.
            long first = 24 + loaded.units().get(0).value().length;
            assertEquals(first, loaded.units().get(0).unitLen());
            assertEquals(first + 12 + loaded.units().get(1).value().length, loaded.units().get(1).unitLen());
        }
    }

    @Test
    void outstandingRequestsAreAnsweredInOrderWithTheirIds() throws IOException {
        start(TestConfigs.defaults());
        Gate saves = new Gate();
        storage.saveGate = saves;
        byte[] value = StorageWire.str("hello");
        try (Clients alice = Clients.login(hub, "alice", "alice-pw")) {
            ServiceChannelHandle ch = openStorage(alice);
            ch.send(StorageWire.SAVE, StorageWire.save(7, 6, value));
            ch.send(StorageWire.LOAD, StorageWire.load(8, 6));
            Awaits.until(() -> saves.entered() == 1, "the SAVE running");
            // SAVED only once the store returned (durable): nothing may have been answered yet.
            assertNull(ch.poll(Duration.ofMillis(100)));
            saves.open();
            assertEquals(new Saved(7, 0), StorageWire.saved(next(ch)));
            Loaded loaded = StorageWire.loaded(next(ch));
            assertEquals(8, loaded.requestId());
            assertArrayEquals(value, loaded.units().get(0).value());
        }
    }

    @Test
    void oversizedUnitIsRefusedAndNothingStored() throws IOException {
        start(TestConfigs.storage(100, StorageService.DEFAULT_QUOTA_BYTES));
        try (Clients alice = Clients.login(hub, "alice", "alice-pw")) {
            ServiceChannelHandle ch = openStorage(alice);
            ch.send(StorageWire.SAVE, StorageWire.save(1, 6, new byte[101]));
            assertEquals(new Saved(1, ErrorCode.ERR_REQUEST_INVALID), StorageWire.saved(next(ch)));
            assertNull(storage.get("alice", 6));

            ch.send(StorageWire.SAVE, StorageWire.save(2, 6, new byte[100]));
            assertEquals(new Saved(2, 0), StorageWire.saved(next(ch)), "exactly the limit is fine");
        }
    }

    @Test
    void quotaIsEnforcedAndReplacingAUnitCountsTheDifference() throws IOException {
        start(TestConfigs.storage(StorageService.DEFAULT_MAX_UNIT_BYTES, 100));
        try (LogCapture log = new LogCapture(StorageRequestHandler.class);
                Clients alice = Clients.login(hub, "alice", "alice-pw")) {
            ServiceChannelHandle ch = openStorage(alice);
            ch.send(StorageWire.SAVE, StorageWire.save(1, 1, new byte[60]));
            assertEquals(new Saved(1, 0), StorageWire.saved(next(ch)));
            ch.send(StorageWire.SAVE, StorageWire.save(2, 2, new byte[50]));
            assertEquals(new Saved(2, ErrorCode.ERR_FAILURE), StorageWire.saved(next(ch)), "110 bytes > 100");
            assertNull(storage.get("alice", 2));
            assertTrue(log.has(Level.INFO, "alice", "quota.bytes is 100"), log.messages(Level.INFO).toString());

            ch.send(StorageWire.SAVE, StorageWire.save(3, 1, new byte[90]));
            assertEquals(new Saved(3, 0), StorageWire.saved(next(ch)), "60 replaced by 90: 90 bytes");
            ch.send(StorageWire.SAVE, StorageWire.save(4, 2, new byte[10]));
            assertEquals(new Saved(4, 0), StorageWire.saved(next(ch)), "exactly the quota");
            assertEquals(100, storage.usedBytes("alice"));
        }
    }

    @Test
    void buddyListsMeanwhileCannotReadSafelyAreRefused() throws IOException {
        start(TestConfigs.defaults());
        try (Clients alice = Clients.login(hub, "alice", "alice-pw")) {
            ServiceChannelHandle ch = openStorage(alice);
            String userFirst = "Version=3.1.3\r\nU bob1:: Bob,\r\nG Friends2 Friends O\r\n";
            ch.send(StorageWire.SAVE, StorageWire.save(1, 0, StorageWire.str(userFirst)));
            assertEquals(new Saved(1, ErrorCode.ERR_BAD_DATA), StorageWire.saved(next(ch)), "U line before any G line");

            byte[] notAStr = "G Friends2 Friends O\r\n".getBytes(StandardCharsets.US_ASCII);
            ch.send(StorageWire.SAVE, StorageWire.save(2, 0, notAStr));
            assertEquals(new Saved(2, ErrorCode.ERR_BAD_DATA), StorageWire.saved(next(ch)), "not a str");
            assertNull(storage.get("alice", 0));
            assertTrue(ch.isOpen());
        }
    }

    @Test
    void aStoredListMeanwhileCannotReadIsNeverServed() throws IOException {
        start(TestConfigs.defaults());
        storage.preset("alice", 0, StorageWire.str("U bob1:: Bob,\r\n"));
        try (Clients alice = Clients.login(hub, "alice", "alice-pw")) {
            ServiceChannelHandle ch = openStorage(alice);
            ch.send(StorageWire.LOAD, StorageWire.load(1, 0));
            Loaded loaded = StorageWire.loaded(next(ch));
            assertEquals(ErrorCode.ERR_BAD_DATA, loaded.result());
            assertTrue(loaded.units().isEmpty());
        }
    }

    @Test
    void saveSentRightBeforeLogoutIsStillStored() throws IOException {
        start(TestConfigs.defaults());
        Gate saves = new Gate();
        storage.saveGate = saves;
        byte[] list = StorageWire.str(SPEC_LIST);
        Clients alice = Clients.login(hub, "alice", "alice-pw");
        ServiceChannelHandle ch = openStorage(alice);
        ch.send(StorageWire.SAVE, StorageWire.save(1, 0, list));
        Awaits.until(() -> saves.entered() == 1, "the SAVE running");
        alice.client().logout(); // spec §8.2 #39-41: SAVE, then the channel-0 destroy
        Awaits.until(() -> hub.community().loginsOf("alice").isEmpty(), "alice logged out");
        saves.open();
        Awaits.until(() -> storage.get("alice", 0) != null, "the list stored after all");
        assertArrayEquals(list, storage.get("alice", 0));
        alice.close();
    }

    @Test
    void storageFailureAnswersNonZeroAndKeepsTheChannel() throws IOException {
        start(TestConfigs.defaults());
        try (LogCapture log = new LogCapture(StorageRequestHandler.class);
                Clients alice = Clients.login(hub, "alice", "alice-pw")) {
            ServiceChannelHandle ch = openStorage(alice);
            storage.failing = true;
            ch.send(StorageWire.SAVE, StorageWire.save(1, 6, StorageWire.str("x")));
            assertEquals(new Saved(1, ErrorCode.ERR_FAILURE), StorageWire.saved(next(ch)));
            ch.send(StorageWire.LOAD, StorageWire.load(2, 0));
            Loaded loaded = StorageWire.loaded(next(ch));
            assertEquals(ErrorCode.ERR_FAILURE, loaded.result());
            assertTrue(loaded.units().isEmpty(), "count 0: Pidgin keeps its local list");
            assertTrue(log.has(Level.WARN, "cannot save key 0x6 of alice"), log.messages(Level.WARN).toString());

            storage.failing = false;
            ch.send(StorageWire.SAVE, StorageWire.save(3, 6, StorageWire.str("x")));
            assertEquals(new Saved(3, 0), StorageWire.saved(next(ch)));
        }
    }

    @Test
    void storageChangedReachesTheUsersOtherLoginsOnly() throws IOException {
        start(TestConfigs.defaults());
        try (Clients alice1 = Clients.login(hub, "alice", "alice-pw");
                Clients alice2 = Clients.login(hub, "alice", "alice-pw");
                Clients bob = Clients.login(hub, "bob", "bob-pw")) {
            ServiceChannelHandle ch1 = openStorage(alice1);
            ServiceChannelHandle ch2 = openStorage(alice2);
            ServiceChannelHandle chBob = openStorage(bob);

            ch1.send(StorageWire.SAVE, StorageWire.save(1, 0, StorageWire.str(SPEC_LIST)));
            assertEquals(new Saved(1, 0), StorageWire.saved(next(ch1)));
            ChannelMessage notice = next(ch2);
            assertEquals(StorageWire.STORAGE_CHANGED, notice.msgType());
            assertArrayEquals(new WireWriter().u32(0).u32(1).u32(0).toByteArray(), notice.data());

            // The saving login and other users get nothing: their next message answers their next request.
            ch1.send(StorageWire.LOAD, StorageWire.load(2, 0));
            assertEquals(2, StorageWire.loaded(next(ch1)).requestId());
            chBob.send(StorageWire.LOAD, StorageWire.load(1, 0));
            assertEquals(ErrorCode.ERR_NO_ELEMENT, StorageWire.loaded(next(chBob)).result());

            // A refused SAVE changes nothing and tells nobody.
            ch1.send(StorageWire.SAVE, StorageWire.save(3, 0, StorageWire.str("U x1:: X,\r\n")));
            assertEquals(ErrorCode.ERR_BAD_DATA, StorageWire.saved(next(ch1)).result());
            ch2.send(StorageWire.LOAD, StorageWire.load(9, 0));
            assertEquals(9, StorageWire.loaded(next(ch2)).requestId());
        }
    }

    @Test
    void guestsAreRefused() throws IOException {
        start(TestConfigs.defaults());
        hub.authority().guests(Set.of(ServiceType.STORAGE));
        try (Clients guest = Clients.login(hub, "", "")) {
            ChannelRefusedException refused = assertThrows(ChannelRefusedException.class, () -> openStorage(guest));
            assertEquals(ErrorCode.ERR_NOT_AUTHORIZED, refused.reason());
        }
    }

    @Test
    void otherProtocolTypesAreRefused() throws IOException {
        start(TestConfigs.defaults());
        try (Clients alice = Clients.login(hub, "alice", "alice-pw")) {
            ChannelRefusedException refused = assertThrows(ChannelRefusedException.class,
                    () -> alice.client().openServiceChannel(ServiceType.STORAGE, 0x26, 1, null));
            assertEquals(ErrorCode.ERR_PROTOCOL_NO_SUPPORT, refused.reason());
        }
    }
}
