package org.openst.client;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadFactory;

import org.openst.protocol.ClientType;
import org.openst.protocol.ProtocolVersion;
import org.openst.protocol.im.ImCreateData;

/**
 * Immutable settings of one {@link SametimeClient}. The defaults reproduce a Pidgin/Meanwhile
 * client: login type {@code 0x1700}, handshake version {@code 0x001E/0x001D}, NotesBuddy IM
 * features, RC2/40 and RC2/128 offered on every IM channel, incoming IM channels accepted.
 *
 * <pre>{@code
 * ClientOptions o = ClientOptions.builder().timeout(Duration.ofSeconds(2)).listener(events).build();
 * }</pre>
 */
public final class ClientOptions {
    /** Default frame limit: 1 MiB, the size the protocol spec recommends for servers (§2). */
    public static final int DEFAULT_MAX_FRAME_SIZE = 1 << 20;
    /** Default timeout of every blocking call. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final ClientListener NO_LISTENER = new ClientListener() { };
    private static final ClientOptions DEFAULTS = builder().build();

    private final int loginType;
    private final int clientMajor;
    private final int clientMinor;
    private final String localHost;
    private final InetAddress localAddress;
    private final int localPort;
    private final ThreadFactory readerThreads;
    private final ClientIoLoop ioLoop;
    private final LoginKeys loginKeys;
    private final Duration timeout;
    private final int maxFrameSize;
    private final ClientListener listener;
    private final Set<ChannelCipher> imCiphers;
    private final int imFeatures;
    private final int incomingImRefusal;

    private ClientOptions(Builder b) {
        this.loginType = b.loginType;
        this.clientMajor = b.clientMajor;
        this.clientMinor = b.clientMinor;
        this.localHost = b.localHost;
        this.localAddress = b.localAddress;
        this.localPort = b.localPort;
        this.readerThreads = b.readerThreads;
        this.ioLoop = b.ioLoop;
        this.loginKeys = b.loginKeys;
        this.timeout = b.timeout;
        this.maxFrameSize = b.maxFrameSize;
        this.listener = b.listener;
        this.imCiphers = Collections.unmodifiableSet(EnumSet.copyOf(b.imCiphers));
        this.imFeatures = b.imFeatures;
        this.incomingImRefusal = b.incomingImRefusal;
    }

    /** @return the default options (no listener) */
    public static ClientOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options, to derive a variant */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.loginType = loginType;
        b.clientMajor = clientMajor;
        b.clientMinor = clientMinor;
        b.localHost = localHost;
        b.localAddress = localAddress;
        b.localPort = localPort;
        b.readerThreads = readerThreads;
        b.ioLoop = ioLoop;
        b.loginKeys = loginKeys;
        b.timeout = timeout;
        b.maxFrameSize = maxFrameSize;
        b.listener = listener;
        b.imCiphers = EnumSet.copyOf(imCiphers);
        b.imFeatures = imFeatures;
        b.incomingImRefusal = incomingImRefusal;
        return b;
    }

    /** @return client type sent in HANDSHAKE and LOGIN (§1.3); default {@code 0x1700} Meanwhile */
    public int loginType() {
        return loginType;
    }

    /** @return protocol major version sent in HANDSHAKE; default {@code 0x001E} */
    public int clientMajor() {
        return clientMajor;
    }

    /** @return protocol minor version sent in HANDSHAKE; default {@code 0x001D} */
    public int clientMinor() {
        return clientMinor;
    }

    /** @return host name sent in HANDSHAKE field 9; default "" like Pidgin */
    public String localHost() {
        return localHost;
    }

    /**
     * @return the local address the connection is made from, or null (default) to let the
     *     system choose. Load generators spread connections over several loopback addresses
     *     (127.0.0.2, 127.0.0.3, ...) so that one address's ephemeral ports do not cap their number.
     */
    public InetAddress localAddress() {
        return localAddress;
    }

    /**
     * @return the local port the connection is made from, or 0 (default) to let the system choose.
     *     A load generator that makes tens of thousands of connections picks ports itself: the
     *     system's search for a free port slows down as closed connections hold theirs (TIME_WAIT).
     *     With a port, the socket is bound with SO_REUSEADDR, so such a port can be taken again.
     */
    public int localPort() {
        return localPort;
    }

    /**
     * @return what makes the connection's reader thread (every event arrives on it), or null
     *     (default) for a daemon platform thread. A process that holds thousands of connections,
     *     such as a load generator, may pass a virtual-thread factory (Java 21+).
     */
    public ThreadFactory readerThreads() {
        return readerThreads;
    }

    /** @return the loop whose threads read this client's connection, or null (default) for a reader thread of its own */
    public ClientIoLoop ioLoop() {
        return ioLoop;
    }

    /** @return the key pair RC2/128 logins share, or null (default) for a fresh pair per login, as Meanwhile */
    public LoginKeys loginKeys() {
        return loginKeys;
    }

    /** @return timeout of connect and of every blocking call without its own timeout; default 10 s */
    public Duration timeout() {
        return timeout;
    }

    /** @return largest frame accepted from the server; a larger one ends the session */
    public int maxFrameSize() {
        return maxFrameSize;
    }

    /** @return receiver of events; a no-op listener by default */
    public ClientListener listener() {
        return listener;
    }

    /**
     * @return whether IM channels this client opens offer RC2/40 and RC2/128 with mode
     *     WHATEVER, as Meanwhile does (§5.6); default true. When false they offer nothing.
     */
    public boolean offerImCiphers() {
        return !imCiphers.isEmpty();
    }

    /**
     * @return the ciphers IM channels this client opens offer (mode WHATEVER); empty when they
     *     offer nothing. Default RC2/40 and RC2/128, as Meanwhile.
     */
    public Set<ChannelCipher> offeredImCiphers() {
        return imCiphers;
    }

    /** @return IM feature set requested on created IM channels and accepted on incoming ones */
    public int imFeatures() {
        return imFeatures;
    }

    /**
     * @return 0 to accept incoming IM channels (default), otherwise the reason code this client
     *     destroys them with
     */
    public int incomingImRefusal() {
        return incomingImRefusal;
    }

    /** Mutable builder of {@link ClientOptions}; not thread-safe. */
    public static final class Builder {
        private int loginType = ClientType.MEANWHILE;
        private int clientMajor = ProtocolVersion.MAJOR;
        private int clientMinor = ProtocolVersion.MINOR;
        private String localHost = "";
        private InetAddress localAddress;
        private int localPort;
        private ThreadFactory readerThreads;
        private ClientIoLoop ioLoop;
        private LoginKeys loginKeys;
        private Duration timeout = DEFAULT_TIMEOUT;
        private int maxFrameSize = DEFAULT_MAX_FRAME_SIZE;
        private ClientListener listener = NO_LISTENER;
        private EnumSet<ChannelCipher> imCiphers = EnumSet.of(ChannelCipher.RC2_40, ChannelCipher.RC2_128);
        private int imFeatures = ImCreateData.FEATURES_NOTESBUDDY;
        private int incomingImRefusal;

        private Builder() {
        }

        /**
         * @param type client type (§1.3), u16
         * @return this
         */
        public Builder loginType(int type) {
            this.loginType = type & 0xFFFF;
            return this;
        }

        /**
         * @param major protocol major version for HANDSHAKE, u16
         * @param minor protocol minor version for HANDSHAKE, u16
         * @return this
         */
        public Builder clientVersion(int major, int minor) {
            this.clientMajor = major & 0xFFFF;
            this.clientMinor = minor & 0xFFFF;
            return this;
        }

        /**
         * @param host host name for HANDSHAKE; null means ""
         * @return this
         */
        public Builder localHost(String host) {
            this.localHost = host == null ? "" : host;
            return this;
        }

        /**
         * @param address the local address to connect from (any free port); null lets the system choose
         * @return this
         */
        public Builder localAddress(InetAddress address) {
            this.localAddress = address;
            return this;
        }

        /**
         * @param port the local port to connect from, 0..65535; 0 (default) lets the system choose
         * @return this
         */
        public Builder localPort(int port) {
            if (port < 0 || port > 0xFFFF) {
                throw new IllegalArgumentException("local port must be 0..65535, was " + port);
            }
            this.localPort = port;
            return this;
        }

        /**
         * @param factory makes each connection's reader thread (it is named after the
         *     connection); null for a daemon platform thread
         * @return this
         */
        public Builder readerThreads(ThreadFactory factory) {
            this.readerThreads = factory;
            return this;
        }

        /**
         * @param loop the loop whose threads read the connection (then {@link #readerThreads}
         *     is not used); null for a reader thread per connection
         * @return this
         */
        public Builder ioLoop(ClientIoLoop loop) {
            this.ioLoop = loop;
            return this;
        }

        /**
         * @param keys the client key pair RC2/128 logins share (load generators); null for a
         *     fresh pair per login, as Meanwhile
         * @return this
         */
        public Builder loginKeys(LoginKeys keys) {
            this.loginKeys = keys;
            return this;
        }

        /**
         * @param t positive timeout
         * @return this
         */
        public Builder timeout(Duration t) {
            if (t.isNegative() || t.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + t);
            }
            this.timeout = t;
            return this;
        }

        /**
         * @param bytes largest accepted frame, at least 64
         * @return this
         */
        public Builder maxFrameSize(int bytes) {
            if (bytes < 64) {
                throw new IllegalArgumentException("maxFrameSize too small: " + bytes);
            }
            this.maxFrameSize = bytes;
            return this;
        }

        /**
         * @param l event receiver; null for none
         * @return this
         */
        public Builder listener(ClientListener l) {
            this.listener = l == null ? NO_LISTENER : l;
            return this;
        }

        /**
         * @param offer whether created IM channels offer both RC2 ciphers
         * @return this
         */
        public Builder offerImCiphers(boolean offer) {
            this.imCiphers = offer ? EnumSet.of(ChannelCipher.RC2_40, ChannelCipher.RC2_128)
                    : EnumSet.noneOf(ChannelCipher.class);
            return this;
        }

        /**
         * Offers exactly these ciphers on created IM channels, e.g. only RC2/40 like an old
         * client; {@link ChannelCipher#NONE} is ignored and none at all offers nothing.
         *
         * @param ciphers the ciphers to offer
         * @return this
         */
        public Builder offerImCiphers(ChannelCipher... ciphers) {
            EnumSet<ChannelCipher> set = EnumSet.noneOf(ChannelCipher.class);
            for (ChannelCipher c : ciphers) {
                if (c != ChannelCipher.NONE) {
                    set.add(Objects.requireNonNull(c));
                }
            }
            this.imCiphers = set;
            return this;
        }

        /**
         * @param features e.g. {@link ImCreateData#FEATURES_NOTESBUDDY} (default, like Pidgin) or
         *     {@link ImCreateData#FEATURES_PLAIN}
         * @return this
         */
        public Builder imFeatures(int features) {
            this.imFeatures = features;
            return this;
        }

        /**
         * Makes the client destroy every incoming IM channel instead of accepting it.
         *
         * @param reason a non-zero reason code, e.g. {@code ErrorCode.ERR_CLIENT_USER_DND}
         * @return this
         */
        public Builder refuseIncomingIm(int reason) {
            if (reason == 0) {
                throw new IllegalArgumentException("refusal reason must be non-zero");
            }
            this.incomingImRefusal = reason;
            return this;
        }

        /** @return the options */
        public ClientOptions build() {
            Objects.requireNonNull(timeout);
            return new ClientOptions(this);
        }
    }

    @Override
    public String toString() {
        return String.format("ClientOptions[loginType=0x%04X, version=0x%04X/0x%04X, localAddress=%s, timeout=%s, "
                + "maxFrameSize=%d, imCiphers=%s, imFeatures=0x%08X, incomingImRefusal=0x%08X]",
                loginType, clientMajor, clientMinor, localAddress, timeout, maxFrameSize, imCiphers,
                imFeatures, incomingImRefusal);
    }
}
