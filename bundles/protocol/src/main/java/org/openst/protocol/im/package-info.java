/**
 * The IM service's payloads (§6.1): channel creation/acceptance data and the messages of
 * CHANNEL_SEND msg_type {@code 0x0064}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.openst.protocol.im;
