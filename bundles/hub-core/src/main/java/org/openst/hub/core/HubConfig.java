package org.openst.hub.core;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Configuration of the hub (PID {@code org.openst.hub}); defaults are the embedded defaults.
 * Following Declarative Services naming, {@code hub_id()} is the key {@code hub.id} in a .cfg file.
 */
@ObjectClassDefinition(name = "OpenST community hub",
        description = "The community hub: client port, identity, limits and login policy.")
public @interface HubConfig {
    String PID = "org.openst.hub";

    @AttributeDefinition(name = "Port", description = "TCP port for Sametime clients (Pidgin's default is 1533); 0 takes any free port. "
            + "A change moves the listener at once; logged-in clients stay.", min = "0", max = "65535")
    int port() default 1533;

    @AttributeDefinition(name = "Bind address", description = "Local address to listen on; 0.0.0.0 for all. A change moves the listener at once.")
    String bind_address() default "0.0.0.0";

    @AttributeDefinition(name = "Hub ID", description = "This hub's identity inside every login ID it issues; not empty, no '#' or spaces. "
            + "A change applies to new logins.")
    String hub_id() default "hub1";

    @AttributeDefinition(name = "Community name", description = "Sent to clients in login blocks.")
    String community() default "openst.local";

    @AttributeDefinition(name = "Server description", description = "Description sent in login blocks.")
    String description() default "OpenST community hub";

    @AttributeDefinition(name = "Maximum frame size", description = "Frames larger than this many bytes close the connection with FAT_MESSAGE.", min = "1024")
    int max_frame_size() default 1024 * 1024;

    @AttributeDefinition(name = "Handshake time-out (s)", description = "Time from connect to HANDSHAKE.", min = "1")
    int handshake_timeout_seconds() default 30;

    @AttributeDefinition(name = "Login time-out (s)", description = "Time from HANDSHAKE_ACK to LOGIN.", min = "1")
    int login_timeout_seconds() default 60;

    @AttributeDefinition(name = "Idle time-out (s)", description = "A connection that sends no byte (not even a keepalive) for this long is closed. "
            + "Applies to connections made after a change.", min = "1")
    int idle_timeout_seconds() default 90;

    @AttributeDefinition(name = "Login ciphers", description = "rc2-128: offer a DH key, accept only RC2/128 logins (default). "
            + "rc2-40: offer no key, so clients log in with RC2/40 (obfuscation only). both: offer the key, accept either.",
            options = { @Option(label = "RC2/128 only", value = "rc2-128"), @Option(label = "RC2/40 only", value = "rc2-40"),
                    @Option(label = "Both", value = "both") })
    String login_ciphers() default "rc2-128";

    @AttributeDefinition(name = "Redirect host", description = "When set, authenticated clients get LOGIN_REDIRECT to this host "
            + "(maintenance); clients that insist with LOGIN_CONTINUE are logged in here.")
    String redirect_host() default "";

    @AttributeDefinition(name = "I/O threads", description = "Network threads; 0 = number of cores + 1. Applies when the hub restarts.", min = "0")
    int io_threads() default 0;

    @AttributeDefinition(name = "Authentication threads", description = "Threads that decrypt logins and ask the directory; resized at once.", min = "1")
    int auth_threads() default 4;

    @AttributeDefinition(name = "Write queue limit (bytes)", description = "A client that lets more than this many bytes queue up unread is disconnected. "
            + "Applies to connections made after a change.", min = "65536")
    int max_queued_bytes() default 8 * 1024 * 1024;
}
