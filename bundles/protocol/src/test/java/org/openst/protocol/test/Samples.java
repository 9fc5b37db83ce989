package org.openst.protocol.test;

import java.util.List;
import org.openst.protocol.Admin;
import org.openst.protocol.Announce;
import org.openst.protocol.ChannelAccept;
import org.openst.protocol.ChannelCreate;
import org.openst.protocol.ChannelDestroy;
import org.openst.protocol.ChannelSend;
import org.openst.protocol.ClientType;
import org.openst.protocol.EncryptAccept;
import org.openst.protocol.EncryptItem;
import org.openst.protocol.EncryptOffer;
import org.openst.protocol.EncryptPolicy;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.Handshake;
import org.openst.protocol.HandshakeAck;
import org.openst.protocol.HeaderOption;
import org.openst.protocol.IdBlock;
import org.openst.protocol.Login;
import org.openst.protocol.LoginAck;
import org.openst.protocol.LoginContinue;
import org.openst.protocol.LoginInfo;
import org.openst.protocol.LoginRedirect;
import org.openst.protocol.Message;
import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.PrivacyUser;
import org.openst.protocol.SenseService;
import org.openst.protocol.ServiceType;
import org.openst.protocol.SetPrivacyList;
import org.openst.protocol.SetUserStatus;
import org.openst.protocol.UserStatus;
import org.openst.protocol.UserStatusCode;
import org.openst.protocol.im.ImCreateData;

/** One or more valid instances of every message type, shared by round-trip and fuzz tests. */
final class Samples {
    static final byte[] KEY64 = key64();

    static final LoginInfo ALICE = new LoginInfo("alice-login", ClientType.MEANWHILE, "alice", "Alice",
            "", true, "desc", 0x0A000001, "srv1");
    static final LoginInfo BOB_BRIEF = LoginInfo.brief("bob-login", 0x1003, "bob", "Bob Builder", "");

    /** Meanwhile's IM offer: both ciphers, mode/extra WHATEVER; the opaque is 83 bytes (§5.5). */
    static final EncryptOffer OFFER_BOTH = new EncryptOffer(EncryptPolicy.WHATEVER,
            List.of(EncryptItem.rc2_40(), EncryptItem.rc2_128(KEY64)), EncryptPolicy.WHATEVER, false);
    /** RC2/128 accept: opaque of 73 bytes. */
    static final EncryptAccept ACCEPT_128 = new EncryptAccept(EncryptPolicy.RC2_128,
            EncryptItem.rc2_128(KEY64), EncryptPolicy.WHATEVER, false);
    /** RC2/40 accept: opaque of 9 bytes. */
    static final EncryptAccept ACCEPT_40 = new EncryptAccept(EncryptPolicy.RC2_40,
            EncryptItem.rc2_40(), EncryptPolicy.WHATEVER, false);

    private Samples() {
    }

    private static byte[] key64() {
        byte[] k = new byte[64];
        for (int i = 0; i < k.length; i++) {
            k[i] = (byte) (0x80 + i);
        }
        return k;
    }

    static List<Message> all() {
        byte[] imAddtl = ImCreateData.of(ImCreateData.FEATURES_NOTESBUDDY).toBytes();
        return List.of(
                Handshake.meanwhileDefault(ClientType.MEANWHILE, "testhost"),
                new Handshake(0x1E, 0x18, 0, 0, 0x1002, 0x7F000001, false, 0, 0, ""),
                new HandshakeAck(0x1E, 0x1D, 0x7F000001, true, 0x12345678, KEY64),
                new HandshakeAck(0x1E, 0x18, 0x7F000001, false, 0, null),
                new Login(ClientType.MEANWHILE, "alice", new byte[] {0, 1, 0, 0, 0, 0}, 4, 0),
                new LoginAck(ALICE, 0, new PrivacyInfo(false, List.of(PrivacyUser.of("eve"),
                        new PrivacyUser(true, "mallory", "other.org", "Mallory"))), UserStatus.active()),
                new LoginAck(BOB_BRIEF, 0, PrivacyInfo.allowAll(), new UserStatus(UserStatusCode.IDLE, 1_700_000_000L, "zzz")),
                new LoginRedirect("other.example.com", "srv2"),
                new LoginContinue(),
                new ChannelCreate(0, 1, IdBlock.empty(), ServiceType.AWARENESS, 0x11, 0x30005, 0, null, null,
                        EncryptOffer.none()),
                new ChannelCreate(0, 3, new IdBlock("bob", ""), ServiceType.IM, 0x1000, 3, 0, imAddtl, null,
                        OFFER_BOTH),
                new ChannelCreate(0, 0x80000001, new IdBlock("alice", ""), ServiceType.IM, 0x1000, 3, 0,
                        imAddtl, BOB_BRIEF, OFFER_BOTH),
                new ChannelCreate(0, 0x80000002, new IdBlock("alice", ""), ServiceType.IM, 0x1000, 3, 0,
                        imAddtl, ALICE, new EncryptOffer(EncryptPolicy.RC2_40, List.of(EncryptItem.rc2_40()),
                                EncryptPolicy.RC2_40, false)),
                new ChannelAccept(3, ServiceType.IM, 0x1000, 3, new byte[] {1, 2}, BOB_BRIEF, ACCEPT_128),
                new ChannelAccept(0x80000001, ServiceType.IM, 0x1000, 3, null, null, ACCEPT_40),
                new ChannelAccept(1, ServiceType.RESOLVE, 0x15, 0, null, null, EncryptAccept.none()),
                ChannelSend.plain(3, 0x64, new byte[] {0, 0, 0, 1, 0, 2, 'h', 'i'}),
                new ChannelSend(3, HeaderOption.ENCRYPT, 0x64, new byte[16]),
                ChannelDestroy.of(0, ErrorCode.INCORRECT_LOGIN),
                new ChannelDestroy(5, 0, "Leaving".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                new SetUserStatus(new UserStatus(UserStatusCode.AWAY, 0, "lunch")),
                new SetPrivacyList(new PrivacyInfo(true, List.of(PrivacyUser.of("spammer")))),
                new SenseService(ServiceType.STORAGE),
                new Admin("Server restarts at 10pm"),
                new Announce(false, null, 0, true, "hello all", List.of("@U bob", "@G team")),
                new Announce(true, ALICE, 0, false, "read only", List.of("@U bob")));
    }
}
