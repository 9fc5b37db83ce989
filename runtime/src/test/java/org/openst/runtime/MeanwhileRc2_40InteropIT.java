package org.openst.runtime;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RC2/40 login with the real libmeanwhile: a hub configured with {@code login.ciphers = rc2-40}
 * offers no DH key, and Meanwhile then logs in with RC2/40 (spec §4.1). In the default mode the
 * hub refuses RC2/40, so a successful login here proves the RC2/40 path.
 */
class MeanwhileRc2_40InteropIT {
    @TempDir
    static Path tmp;
    static RunningHub hub;

    @BeforeAll
    static void start() throws Exception {
        InteropDrivers.build();
        hub = RunningHub.start(tmp.resolve("hub"), "login.ciphers = rc2-40\n");
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void libmeanwhileLogsInWithRc2_40() throws Exception {
        InteropDrivers.pass(hub, "mwdriver", "rc2-40-login", "alice", "alice-pw");
    }

    @Test
    void imStillWorksWithRc2_40Logins() throws Exception {
        InteropDrivers.pass(hub, "mwdriver", "im", "alice", "alice-pw", "bob", "bob-pw");
    }

    @Test
    void pidginPluginSignsOnWithRc2_40() throws Exception {
        InteropDrivers.pass(hub, "purpledriver", "signon", "carol", "carol-pw");
    }
}
