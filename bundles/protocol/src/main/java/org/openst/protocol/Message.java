package org.openst.protocol;

/**
 * A decoded protocol message (§3). Header options and attributes are handled by {@link
 * MessageCodec}; only CHANNEL_SEND keeps its options (the ENCRYPT bit, §3.9).
 */
public sealed interface Message permits Handshake, HandshakeAck, Login, LoginAck, LoginRedirect,
        LoginContinue, ChannelCreate, ChannelAccept, ChannelSend, ChannelDestroy, SetUserStatus,
        SetPrivacyList, SenseService, Admin, Announce {

    /** @return the message type constant ({@link MessageType}) */
    int type();

    /** @return the header's channel field; 0 for master-channel messages and CHANNEL_CREATE (§2.1) */
    int channel();
}
