package org.openst.hub.core;

import org.openst.protocol.Message;
import org.openst.protocol.MessageType;

/** Message names for log lines. */
final class MessageNames {
    private MessageNames() {
    }

    static String of(Message message) {
        return MessageType.name(message.type());
    }
}
