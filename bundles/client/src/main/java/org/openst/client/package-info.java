/**
 * A Java client for a Sametime community server: connect, log in exactly like the Meanwhile
 * library (Pidgin's Sametime client) does, set status and privacy, exchange instant messages on
 * encrypted or plain IM channels, and open arbitrary service channels for testing server
 * applications.
 *
 * <p>Entry point: {@link org.openst.client.SametimeClient#connect}. Every blocking call takes a
 * timeout or uses {@link org.openst.client.ClientOptions#timeout()}; every public type is safe
 * for use from several threads. Events arrive on one reader thread per connection, in wire
 * order, through the {@link org.openst.client.ClientListener} given in the options;
 * {@link org.openst.client.EventCollector} turns them into blocking queues for tests and load
 * generators. A process that holds thousands of connections shares a few reader threads
 * ({@link org.openst.client.ClientIoLoop}), logs in without a thread per login
 * ({@link org.openst.client.SametimeClient#loginAsync}) and may share one login key pair
 * ({@link org.openst.client.LoginKeys}).
 *
 * <p>Plain Java with no OSGi runtime dependency; it uses the codec of {@code org.openst.protocol}.
 * Section numbers (§) refer to the project's protocol specification.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.openst.client;
