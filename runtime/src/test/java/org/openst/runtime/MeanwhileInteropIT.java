package org.openst.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop with the real client code: Debian's libmeanwhile (Pidgin's Sametime library) and
 * libpurple's prpl-meanwhile plugin, against the hub running in Felix on its embedded defaults,
 * and against a second hub configured with {@code login.ciphers = rc2-40}. That one offers no DH
 * key, so Meanwhile logs in with RC2/40 (spec §4.1); the default hub refuses RC2/40, so a login
 * there proves the RC2/128 path and a login on the second proves the RC2/40 one.
 */
class MeanwhileInteropIT {
    @TempDir
    static Path tmp;
    static RunningHub hub;
    static RunningHub rc2_40Hub;

    @BeforeAll
    static void start() throws Exception {
        InteropDrivers.build();
        hub = RunningHub.start(tmp.resolve("hub"), "");
        rc2_40Hub = RunningHub.start(tmp.resolve("rc2-40-hub"), "hub.id = hub40\nlogin.ciphers = rc2-40\n");
    }

    @AfterAll
    static void stop() {
        hub.close();
        rc2_40Hub.close();
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

    @Test
    void libmeanwhileLogsInWithRc2_40() throws Exception {
        InteropDrivers.pass(rc2_40Hub, "mwdriver", "rc2-40-login", "alice", "alice-pw");
    }

    @Test
    void libmeanwhileImWithRc2_40Logins() throws Exception {
        InteropDrivers.pass(rc2_40Hub, "mwdriver", "im", "alice", "alice-pw", "bob", "bob-pw");
    }

    @Test
    void pidginPluginSignsOnWithRc2_40() throws Exception {
        InteropDrivers.pass(rc2_40Hub, "purpledriver", "signon", "carol", "carol-pw");
    }
}
