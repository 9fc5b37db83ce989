/**
 * The seam between the community hub and server applications.
 *
 * <p>A server application (buddy list, places, storage, ...) is a bundle that registers a
 * {@link org.openst.hub.api.ServiceProvider} with Declarative Services. The hub routes every
 * channel a client opens to that service type to the provider with the highest
 * {@code service.ranking}, and destroys those channels when the provider goes away. Community
 * events (login, logout, status and privacy changes) reach every registered
 * {@link org.openst.hub.api.CommunityListener}. The hub itself registers
 * {@link org.openst.hub.api.Community}: the live view of logins and the operations on them.
 * Logins are decided by the highest-ranked {@link org.openst.hub.api.LoginAuthority}; the privacy
 * list a login starts with comes from the highest-ranked {@link org.openst.hub.api.PrivacySource}.
 *
 * <p>Privacy (protocol spec §3.12) is enforced by the hub for user-to-user channels: a channel
 * to a user whose live login's {@link org.openst.hub.api.Login#privacy()} hides the creator is
 * refused with {@code ERR_NOT_AUTHORIZED}. {@link org.openst.hub.api.PrivacyRules} is the one
 * reading of a privacy list, for the hub and for services such as awareness.
 *
 * <p>Threading: providers and listeners are called on the hub's network threads (a
 * {@code privacyChanged} caused by {@link org.openst.hub.api.Community#pushPrivacy} on the pushing
 * thread). Calls about one login arrive in order. Providers and listeners must return quickly and
 * never block; anything slow (storage, directory look-ups) belongs on the implementation's own
 * executor, and the resulting {@link org.openst.hub.api.ServiceChannel#send} may be called from
 * any thread. {@code LoginAuthority} and {@code PrivacySource} are called on the hub's
 * authentication executor instead and may block (briefly: the client waits for its LOGIN_ACK).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.openst.hub.api;
