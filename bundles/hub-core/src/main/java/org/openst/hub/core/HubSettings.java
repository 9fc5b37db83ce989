package org.openst.hub.core;

import static org.openst.support.config.ConfigChecks.atLeast;
import static org.openst.support.config.ConfigChecks.between;

import java.time.Duration;
import java.util.Locale;

import org.openst.hub.api.LoginIds;
import org.openst.support.config.InvalidConfigException;

/**
 * The hub's settings as plain, validated values, so the hub logic can be built and tested
 * without OSGi. Built from {@link HubConfig} by {@link #from(HubConfig)}.
 */
public record HubSettings(int port, String bindAddress, String hubId, String community, String description,
        int maxFrameSize, Duration handshakeTimeout, Duration loginTimeout, Duration idleTimeout,
        LoginCiphers loginCiphers, String redirectHost, int ioThreads, int authThreads, int maxQueuedBytes) {

    /** Which login encryption the hub offers and accepts (spec §4.1). */
    public enum LoginCiphers {
        RC2_128(true, false), RC2_40(false, true), BOTH(true, true);

        /** Whether HANDSHAKE_ACK carries a DH key, which makes Meanwhile use RC2/128. */
        public final boolean offersDhKey;
        /** Whether an RC2/40 login (key sent alongside the ciphertext) is accepted. */
        public final boolean acceptsRc2_40;

        LoginCiphers(boolean offersDhKey, boolean acceptsRc2_40) {
            this.offersDhKey = offersDhKey;
            this.acceptsRc2_40 = acceptsRc2_40;
        }

        static LoginCiphers parse(String value) {
            return switch (String.valueOf(value).trim().toLowerCase(Locale.ROOT)) {
                case "rc2-128" -> RC2_128;
                case "rc2-40" -> RC2_40;
                case "both" -> BOTH;
                default -> throw new InvalidConfigException("login.ciphers", "must be rc2-128, rc2-40 or both, not '" + value + "'");
            };
        }
    }

    public HubSettings {
        between("port", port, 0, 65535);
        try {
            LoginIds.requireValidHubId(hubId);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("hub.id", "must be non-empty without '#' or whitespace, not '" + hubId + "'");
        }
        if (bindAddress == null || bindAddress.isBlank()) {
            throw new InvalidConfigException("bind.address", "must not be empty (0.0.0.0 listens on every address)");
        }
        bindAddress = bindAddress.strip();
        atLeast("max.frame.size", maxFrameSize, 1024);
        requirePositive("handshake.timeout.seconds", handshakeTimeout);
        requirePositive("login.timeout.seconds", loginTimeout);
        requirePositive("idle.timeout.seconds", idleTimeout);
        atLeast("auth.threads", authThreads, 1);
        atLeast("io.threads", ioThreads, 0);
        atLeast("max.queued.bytes", maxQueuedBytes, 65536);
        redirectHost = redirectHost == null ? "" : redirectHost.trim();
    }

    private static void requirePositive(String key, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new InvalidConfigException(key, "must be at least 1, not " + d.toSeconds());
        }
    }

    /** Validates a configuration; throws IllegalArgumentException naming the bad key. */
    public static HubSettings from(HubConfig c) {
        return new HubSettings(c.port(), c.bind_address(), c.hub_id(), c.community(), c.description(),
                c.max_frame_size(), Duration.ofSeconds(c.handshake_timeout_seconds()),
                Duration.ofSeconds(c.login_timeout_seconds()), Duration.ofSeconds(c.idle_timeout_seconds()),
                LoginCiphers.parse(c.login_ciphers()), c.redirect_host(), c.io_threads(), c.auth_threads(),
                c.max_queued_bytes());
    }

    /** Embedded defaults with the given port (0 = any free port); for tests and tools. */
    public static HubSettings defaults(int port) {
        return new HubSettings(port, "127.0.0.1", "hub1", "openst.local", "OpenST community hub", 1024 * 1024,
                Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(90), LoginCiphers.RC2_128, "",
                0, 4, 8 * 1024 * 1024);
    }

    /** A copy with other login ciphers. */
    public HubSettings withLoginCiphers(LoginCiphers ciphers) {
        return new HubSettings(port, bindAddress, hubId, community, description, maxFrameSize, handshakeTimeout,
                loginTimeout, idleTimeout, ciphers, redirectHost, ioThreads, authThreads, maxQueuedBytes);
    }

    /** A copy with other time-outs. */
    public HubSettings withTimeouts(Duration handshake, Duration login, Duration idle) {
        return new HubSettings(port, bindAddress, hubId, community, description, maxFrameSize, handshake, login, idle,
                loginCiphers, redirectHost, ioThreads, authThreads, maxQueuedBytes);
    }

    /** A copy with another redirect host. */
    public HubSettings withRedirectHost(String host) {
        return new HubSettings(port, bindAddress, hubId, community, description, maxFrameSize, handshakeTimeout,
                loginTimeout, idleTimeout, loginCiphers, host, ioThreads, authThreads, maxQueuedBytes);
    }

    /** A copy with another maximum frame size. */
    public HubSettings withMaxFrameSize(int size) {
        return new HubSettings(port, bindAddress, hubId, community, description, size, handshakeTimeout,
                loginTimeout, idleTimeout, loginCiphers, redirectHost, ioThreads, authThreads, maxQueuedBytes);
    }
}
