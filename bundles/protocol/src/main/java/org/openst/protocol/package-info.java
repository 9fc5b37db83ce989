/**
 * The Sametime community wire protocol: primitive readers and writers (§1.1), compound blocks
 * (§1.2), the master-channel and channel messages (§3), their codec and the TCP framing (§2).
 *
 * <p>Plain Java with no runtime dependencies, so the hub, the client library and tests share
 * one codec. Everything here is stateless and thread-safe except {@link
 * org.openst.protocol.FrameDecoder}, {@link org.openst.protocol.WireReader} and {@link
 * org.openst.protocol.WireWriter}, which belong to one connection or one message.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.openst.protocol;
