package org.openst.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop with the real client code: Debian's libmeanwhile (Pidgin's Sametime library) and
 * libpurple's prpl-meanwhile plugin, against the hub running in Felix on its embedded defaults.
 */
class MeanwhileInteropIT {
    @TempDir
    static Path tmp;
    static RunningHub hub;

    @BeforeAll
    static void start() throws Exception {
        InteropDrivers.build();
        hub = RunningHub.start(tmp.resolve("hub"), "");
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void libmeanwhileLogsInWithRc2_128() throws Exception {
        InteropDrivers.pass(hub, "mwdriver", "login", "alice", "alice-pw");
    }

    @Test
    void libmeanwhileWrongPasswordIsIncorrectLogin() throws Exception {
        String out = InteropDrivers.pass(hub, "mwdriver", "badlogin", "alice", "not-her-password");
        assertTrue(out.contains("0x80000211"), out);
    }

    @Test
    void libmeanwhileImBothWaysWithTyping() throws Exception {
        InteropDrivers.pass(hub, "mwdriver", "im", "alice", "alice-pw", "bob", "bob-pw");
    }

    @Test
    void libmeanwhileImToAnOfflineUserIsRefused() throws Exception {
        String out = InteropDrivers.pass(hub, "mwdriver", "offline", "alice", "alice-pw", "carol");
        assertTrue(out.contains("0x80000006"), out);
    }

    @Test
    void libmeanwhileLogoutWhileAConversationIsOpen() throws Exception {
        InteropDrivers.pass(hub, "mwdriver", "logout-peer", "alice", "alice-pw", "bob", "bob-pw");
    }

    @Test
    void pidginPluginSignsOn() throws Exception {
        InteropDrivers.pass(hub, "purpledriver", "signon", "alice", "alice-pw");
    }

    @Test
    void pidginPluginReportsIncorrectPassword() throws Exception {
        String out = InteropDrivers.pass(hub, "purpledriver", "badlogin", "alice", "wrong");
        assertTrue(out.contains("Incorrect Username/Password"), out);
    }

    @Test
    void pidginPluginImBothWays() throws Exception {
        InteropDrivers.pass(hub, "purpledriver", "im", "alice", "alice-pw", "bob", "bob-pw");
    }

    @Test
    void pidginPluginTypingNotice() throws Exception {
        InteropDrivers.pass(hub, "purpledriver", "typing", "alice", "alice-pw", "bob", "bob-pw");
    }
}
