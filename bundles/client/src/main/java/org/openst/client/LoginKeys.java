package org.openst.client;

import java.security.SecureRandom;
import java.util.Arrays;

import org.openst.protocol.crypto.DhKeyPair;
import org.openst.protocol.crypto.LoginCredentials;

/**
 * One client Diffie-Hellman key pair shared by many RC2/128 logins (spec §4.5), for load
 * generators. By default ({@link ClientOptions.Builder#loginKeys} not set) every login makes a
 * fresh pair, as Meanwhile does, which costs the client two 512-bit exponentiations per login.
 * Logins that share an instance send the same public key and compute the shared RC2 key once per
 * server key; the server's work per login is unchanged, since it cannot tell the difference.
 *
 * <p>Not for real users: whoever learns one login's key learns them all. Thread-safe.
 */
public final class LoginKeys {
    private final DhKeyPair pair;
    private volatile Shared last;

    /** The RC2 key computed for one server public key. */
    private record Shared(byte[] serverPublic, byte[] rc2Key) {
    }

    private LoginKeys(DhKeyPair pair) {
        this.pair = pair;
    }

    /**
     * @param random randomness for the key pair
     * @return a new shared key pair
     */
    public static LoginKeys shared(SecureRandom random) {
        return new LoginKeys(DhKeyPair.generate(random));
    }

    /**
     * auth_data of an RC2/128 LOGIN (§4.5) with this key pair.
     *
     * @param password the password
     * @param serverPublic dh_public from HANDSHAKE_ACK
     * @param magic magic from HANDSHAKE_ACK
     * @return auth_data for auth type RC2/128
     * @throws IllegalArgumentException if the server key is out of range
     */
    public byte[] rc2_128AuthData(String password, byte[] serverPublic, int magic) {
        Shared s = last;
        if (s == null || !Arrays.equals(s.serverPublic(), serverPublic)) {
            s = new Shared(serverPublic.clone(), pair.sharedKey(serverPublic));
            last = s; // a server rotates its key now and then (the hub every 256 handshakes)
        }
        return LoginCredentials.rc2_128AuthData(password, magic, pair.publicKey(), s.rc2Key());
    }
}
