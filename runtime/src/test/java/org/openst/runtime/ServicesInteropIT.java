package org.openst.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The community services with the real clients (issue 4): awareness, privacy, storage, resolve,
 * token and guest logins, driven by libmeanwhile ({@code mwdriver}) and Pidgin's own plugin
 * ({@code purpledriver}) against the distribution in Felix. One hub lets guests in, the other
 * keeps the default (guests refused).
 *
 * <p>The hub keeps buddy and privacy lists between scenarios; the scenarios restore what they
 * change, and alice is never the user of a storage scenario (Pidgin would then synchronise her
 * list away; see the driver README, "State left on the hub").
 */
class ServicesInteropIT {
    @TempDir
    static Path tmp;
    static RunningHub hub;
    static RunningHub guestHub;

    @BeforeAll
    static void start() throws Exception {
        InteropDrivers.build();
        hub = RunningHub.start(tmp.resolve("hub"), "hub.id = svc1\n");
        guestHub = RunningHub.start(tmp.resolve("guest-hub"), "hub.id = svc2\n",
                Map.of("org.openst.users.cfg", "guests.enabled = true\n"));
    }

    @AfterAll
    static void stop() {
        hub.close();
        guestHub.close();
    }

    @Test
    void libmeanwhileSeesABuddyComeGoAwayAndLeave() throws Exception {
        InteropDrivers.pass(hub, "mwdriver", "presence", "alice", "alice-pw", "bob", "bob-pw");
    }

    @Test
    void libmeanwhileBlockedWatcherSeesNothingAndCannotWrite() throws Exception {
        String out = InteropDrivers.pass(hub, "mwdriver", "denied", "carol", "carol-pw", "bob", "bob-pw");
        assertTrue(out.contains("0x80000003"), "IM refused with ERR_NOT_AUTHORIZED: " + out);
    }

    @Test
    void libmeanwhileStoredPrivacyListHidesFromTheFirstMoment() throws Exception {
        InteropDrivers.pass(hub, "mwdriver", "denied-stored", "carol", "carol-pw", "bob", "bob-pw");
    }

    @Test
    void libmeanwhileSavesAndLoadsAStringAndABuddyList() throws Exception {
        InteropDrivers.pass(hub, "mwdriver", "storage", "carol", "carol-pw");
    }

    @Test
    void libmeanwhileSaveRightBeforeAnAbruptCloseIsKept() throws Exception {
        InteropDrivers.pass(hub, "mwdriver", "save-at-close", "carol", "carol-pw");
    }

    @Test
    void libmeanwhileResolvesAnExistingAndAMissingName() throws Exception {
        InteropDrivers.pass(hub, "mwdriver", "resolve", "alice", "alice-pw", "bob", "nobody-here");
    }

    @Test
    void libmeanwhileLogsInWithATokenAsPassword() throws Exception {
        String token = (String) hub.callService("org.openst.users.api.LoginTokens", "issue", "alice",
                Duration.ofMinutes(10));
        InteropDrivers.pass(hub, "mwdriver", "token", "alice", token);
    }

    @Test
    void libmeanwhileGuestIsRefusedUnlessGuestsAreEnabled() throws Exception {
        String out = InteropDrivers.pass(hub, "mwdriver", "guest-refused", "Visitor");
        assertTrue(out.contains("0x80000211"), out);
        InteropDrivers.pass(guestHub, "mwdriver", "guest", "Visitor");
    }

    @Test
    void pidginSeesABuddyComeGoAwayAndLeave() throws Exception {
        InteropDrivers.pass(hub, "purpledriver", "presence", "alice", "alice-pw", "bob", "bob-pw");
    }

    @Test
    void pidginKeepsItsBuddyListOnTheServer() throws Exception {
        InteropDrivers.pass(hub, "purpledriver", "storage-list", "carol", "carol-pw", "bob");
    }

    @Test
    void pidginLogsInWithATokenAsPassword() throws Exception {
        String token = (String) hub.callService("org.openst.users.api.LoginTokens", "issue", "bob",
                Duration.ofMinutes(10));
        InteropDrivers.pass(hub, "purpledriver", "signon", "bob", token);
    }
}
