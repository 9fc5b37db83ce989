package org.openst.hub.core.net;

/**
 * What the decoder hands the handler instead of a message when the client's bytes break a rule:
 * the session ends with {@code reason} (a protocol error code) and the detail goes to the log.
 */
record InboundError(int reason, String detail) {
}
