package org.openst.hub.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openst.protocol.PrivacyInfo;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The hub's live view of the community and the operations server applications and administrators
 * may perform on it. Registered by the hub core; all methods are thread-safe and non-blocking.
 */
@ProviderType
public interface Community {

    /** This hub's ID, as carried in every login ID it issues. */
    String hubId();

    /** The community name sent to clients in login blocks. */
    String communityName();

    /** Every live login on this hub. */
    Collection<Login> logins();

    /** The live logins of one user, most recently active first; empty when the user is offline. */
    List<Login> loginsOf(String userId);

    /** The live login with this ID. */
    Optional<Login> login(String loginId);

    /**
     * Sends an administrator announcement (ADMIN, protocol spec §3.14) to every live login.
     *
     * @return how many logins it was sent to
     */
    int broadcastAdminMessage(String text);

    /**
     * Sends an administrator announcement to every login of one user.
     *
     * @return how many logins it was sent to (0 when the user is offline)
     */
    int sendAdminMessage(String userId, String text);

    /**
     * Ends a login: the client gets CHANNEL_DESTROY on channel 0 with {@code reason}, its channels
     * are torn down and its connection closed.
     *
     * @param reason a protocol error code (spec §7.2); must have bit 31 set so that Pidgin reports
     *               it (spec §3.10)
     * @return false when no such login is live
     */
    boolean kick(String loginId, int reason);

    /**
     * How many channel messages (CHANNEL_SEND) clients of this hub have sent since it started, per
     * service type (protocol spec §6.0). A snapshot; counting costs the hub one atomic add.
     *
     * @since 1.2
     */
    Map<Integer, Long> messageCounts();

    /**
     * Gives a login a privacy list decided by the server (a change made from another login of the
     * same user, for instance): the login's {@link Login#privacy()} becomes {@code privacy} and
     * the client gets SET_PRIVACY_LIST (protocol spec §3.12).
     *
     * <p>Like a change the client makes itself, it fires
     * {@link CommunityListener#privacyChanged}, so that everything that depends on the list
     * (awareness hiding the user from blocked watchers) re-evaluates. The event is delivered on
     * the calling thread before this method returns; a listener that stores lists and pushes them
     * to the user's logins recognises the echo of its own push that way, or by comparing the list
     * with the one it stored. (Up to hub-api 1.1 a push fired no event.)
     *
     * <p>The list a login starts with is not pushed: it comes from the {@link PrivacySource}
     * before the login is visible.
     *
     * @return false when no such login is live
     * @since 1.1
     */
    boolean pushPrivacy(String loginId, PrivacyInfo privacy);

    /**
     * Opens a channel from the server to a login (a conference invitation, for instance). The
     * client answers with an accept ({@link ServiceProvider#channelAccepted}) or a destroy
     * ({@link ServiceProvider#channelClosed}); messages for the channel go to {@code handler}.
     *
     * @throws IllegalStateException when the login is no longer live
     */
    ServiceChannel openChannel(Login target, ChannelRequest request, ServiceProvider handler);
}
