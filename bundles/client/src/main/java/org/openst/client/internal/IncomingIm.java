package org.openst.client.internal;

import org.openst.client.ClientOptions;
import org.openst.protocol.ChannelAccept;
import org.openst.protocol.ChannelCreate;
import org.openst.protocol.ChannelDestroy;
import org.openst.protocol.CipherId;
import org.openst.protocol.EncryptItem;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.UserStatusCode;
import org.openst.protocol.im.ImAcceptData;
import org.openst.protocol.im.ImCreateData;

/** Meanwhile's handling of a server-created IM channel (§6.1.1, §5.6, §5.7). Reader thread. */
final class IncomingIm {
    /** Smallest valid create addtl: two u32 (§6.1.1 rule 2). */
    private static final int ADDTL_MIN = 8;

    private IncomingIm() {
    }

    static void handle(ClientSession session, ChannelCreate c) {
        int refusal = refusal(session, c);
        if (refusal != 0) {
            session.sendQuietly(ChannelDestroy.of(c.channelId(), refusal));
            return;
        }
        int features = ImCreateData.read(c.addtl()).features();
        EncryptItem chosen = CipherNegotiation.choose(c.encrypt());
        ChannelCrypto crypto;
        try {
            crypto = crypto(session, c, chosen);
        } catch (IllegalArgumentException badKey) {
            // The offered DH public key is out of range (§4.5): nothing sensible to accept.
            session.sendQuietly(ChannelDestroy.of(c.channelId(), ErrorCode.ERR_ENCRYPT_INVALID));
            return;
        }
        ImChannel ch = ImChannel.incoming(session, c.channelId(), c.creator(), features, crypto);
        session.addIncoming(ch);
        // §6.1.1: addtl {1, features, 2, own status}; acceptor_flag false; §5.5: our item, extra = offer mode.
        session.sendQuietly(new ChannelAccept(c.channelId(), c.service(), c.protoType(),
                c.protoVersion(), ImAcceptData.of(features, session.ownStatus()).toBytes(), null,
                CipherNegotiation.acceptFor(c.encrypt(), chosen, session.channelKeys())));
        session.notifyConversationOpened(ch);
    }

    /** The rules of §6.1.1 in Meanwhile's order; 0 means accept. */
    private static int refusal(ClientSession session, ChannelCreate c) {
        ClientOptions o = session.options();
        if (c.protoType() != ImChannel.PROTO_TYPE || c.protoVersion() != ImChannel.PROTO_VERSION) {
            return ErrorCode.ERR_SERVICE_NO_SUPPORT;
        }
        if (c.addtl().length < ADDTL_MIN) {
            return ErrorCode.ERR_FAILURE;
        }
        ImCreateData d = ImCreateData.read(c.addtl());
        if (d.a() != 1) {
            return ErrorCode.ERR_IM_NOT_REGISTERED;
        }
        int f = d.features();
        // PRECONF is accepted as Pidgin does (it handles place invitations); the invitation
        // arrives as an ImPayload.Data of type INVITE.
        if (f != ImCreateData.FEATURES_PRECONF && f != ImCreateData.FEATURES_PLAIN && f != o.imFeatures()) {
            return ErrorCode.ERR_IM_NOT_REGISTERED;
        }
        if (session.ownStatus().status() == UserStatusCode.BUSY) {
            return ErrorCode.ERR_CLIENT_USER_DND;
        }
        return o.incomingImRefusal();
    }

    private static ChannelCrypto crypto(ClientSession session, ChannelCreate c, EncryptItem chosen) {
        if (chosen == null) {
            return ChannelCrypto.NONE;
        }
        if (chosen.cipherId() == CipherId.RC2_128) {
            return ChannelCrypto.rc2_128(session.channelKeys(), chosen.info());
        }
        // §5.7: decrypt with the creator's login ID (all-zero key if the server sent none).
        return ChannelCrypto.rc2_40(session.ownLoginId(),
                c.creator() == null ? null : c.creator().loginId());
    }
}
