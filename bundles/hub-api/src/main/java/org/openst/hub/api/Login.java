package org.openst.hub.api;

import java.net.InetSocketAddress;
import java.time.Instant;

import org.openst.protocol.LoginInfo;
import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.UserStatus;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One login: one authenticated client connection. A user may hold several at once; each has its
 * own community-unique login ID (see {@link LoginIds}).
 */
@ProviderType
public interface Login {

    /** The community-unique ID of this login; it names the hub that holds it. */
    String loginId();

    /** The persistent user ID from the directory. */
    String userId();

    /** The display name from the directory. */
    String userName();

    /** The client type the client announced (protocol spec §1.3). */
    int loginType();

    /** Where the client connects from. */
    InetSocketAddress remoteAddress();

    /** When the login completed. */
    Instant since();

    /** The login's current status (what the client last set with SET_USER_STATUS). */
    UserStatus status();

    /** The user's privacy list as this login last set or received it. */
    PrivacyInfo privacy();

    /**
     * This login as other clients must see it in channel creator/acceptor blocks and member lists
     * (community left empty for the own community, protocol spec §5.9).
     */
    LoginInfo loginInfo();

    /**
     * True for an anonymous guest ({@link LoginDecision.Guest}): its {@link #userId()} is its
     * login ID, and it may use only the services its authority allowed.
     *
     * @since 1.1
     */
    boolean isGuest();

    /**
     * Whether this login may open channels to a service type; always true for a user, for a guest
     * true only for the services its authority allowed.
     *
     * @since 1.1
     */
    boolean mayUse(int serviceType);

    /** False once the login has ended; a stale reference then refuses every operation quietly. */
    boolean isActive();
}
