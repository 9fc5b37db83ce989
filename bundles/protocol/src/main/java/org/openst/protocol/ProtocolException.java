package org.openst.protocol;

/**
 * Malformed protocol input: a truncated field, a length that exceeds the remaining bytes, an
 * unknown message type. The message says what is wrong and where, e.g. "string length 900
 * exceeds remaining 12 bytes at offset 40".
 *
 * <p>Unchecked because a decoder caller can do nothing but drop the message or the
 * connection; the hub maps it to {@code PROTOCOL_ERROR} (§7.3).
 */
public final class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, with the offset where it was found
     */
    public ProtocolException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what is wrong
     * @param cause the underlying problem
     */
    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
