package org.openst.hub.core;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

import org.openst.hub.api.ImRecord;
import org.openst.protocol.ChannelSend;
import org.openst.protocol.CipherId;
import org.openst.protocol.EncryptAccept;
import org.openst.protocol.EncryptItem;
import org.openst.protocol.EncryptOffer;
import org.openst.protocol.EncryptPolicy;
import org.openst.protocol.HeaderOption;
import org.openst.protocol.crypto.ChannelKeys;
import org.openst.protocol.crypto.DhGroup;
import org.openst.protocol.crypto.DhKeyPair;
import org.openst.protocol.im.ImCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's end of both legs of an IM channel it terminates instead of relaying (spec §5.8
 * "Terminate"), so that {@link org.openst.hub.api.ImObserver}s can read the texts while each
 * client still sees an encrypted channel. It belongs to one {@link RelayChannel}, which keeps
 * the two channel-table entries, the routing and the teardown exactly as for a plain relay.
 *
 * <p>Leg A is the creator's channel, leg B the one the hub creates toward the target:
 * <ul>
 * <li>B carries the hub's own offer: when the creator offered a cipher the hub knows, exactly
 *     one, RC2/128 with the specific mode {@code 0x2000} and the hub's public key (§5.6 [REC]);
 *     otherwise none.</li>
 * <li>When the target accepts B, the hub accepts A choosing from the creator's offer: RC2/128
 *     if offered (item info = the hub's public key), else RC2/40, else none (§5.5, §5.6).</li>
 * <li>Keys (§5.7): RC2/128 is the 16 low bytes of peer_public^own_private; RC2/40 decrypts what
 *     a client sends with its own login ID and encrypts toward it with the login ID advertised
 *     to it as the other end (the acceptor for A, the creator for B).</li>
 * <li>Every CHANNEL_SEND is decrypted with its leg's inbound stream, shown to the observers
 *     when it completes a text, re-encrypted with the other leg's outbound stream and sent
 *     on, msg_type and data otherwise unchanged: segments travel one by one as they come.</li>
 * </ul>
 *
 * <p>One DH key pair per terminated channel, used for both legs: a key pair per connection
 * (as Meanwhile clients do) would give every channel of that client the same RC2 key and the
 * same IV, so equal first blocks would show; the price is one 512-bit exponentiation per IM
 * channel, small next to the two key agreements every terminated channel needs anyway.
 *
 * <p>Threads: each direction is fed by its sender's network thread. One lock per conversation
 * orders decrypt, forward and observer call, so observers see a conversation's messages one
 * at a time in the order the hub forwarded them, and each RC2 chain advances in wire order.
 */
final class ImTermination {
    private static final Logger LOG = LoggerFactory.getLogger(ImTermination.class);

    /** A client broke the channel's cipher rules; the router closes the channel pair. */
    static final class Violation extends Exception {
        private static final long serialVersionUID = 1L;

        Violation(String message) {
            super(message, null, false, false);
        }
    }

    private final DhKeyPair hubKeys;
    private final EncryptOffer creatorOffer;
    /** The item of the creator's offer the hub will accept A with, or null for none. */
    private final EncryptItem creatorChoice;
    private final String conversationId;
    private final ImObservers observers;
    private final ImTextAssembler fromCreator;
    private final ImTextAssembler fromTarget;
    // Written once under the lock when the target accepts, read under it.
    private LegCipher creatorLeg;
    private LegCipher targetLeg;

    private ImTermination(DhKeyPair hubKeys, EncryptOffer creatorOffer, EncryptItem creatorChoice,
            String conversationId, ImObservers observers, int maxSegmentedBytes) {
        this.hubKeys = hubKeys;
        this.creatorOffer = creatorOffer;
        this.creatorChoice = creatorChoice;
        this.conversationId = conversationId;
        this.observers = observers;
        this.fromCreator = new ImTextAssembler(maxSegmentedBytes);
        this.fromTarget = new ImTextAssembler(maxSegmentedBytes);
    }

    /**
     * Prepares the termination of a new IM channel.
     *
     * @param creatorOffer     the creator's encryption offer
     * @param conversationId   the observers' name for the conversation
     * @throws Violation if the offered RC2/128 key is out of range (§4.5 step 2)
     */
    static ImTermination open(EncryptOffer creatorOffer, String conversationId, ImObservers observers,
            SecureRandom random, int maxSegmentedBytes) throws Violation {
        EncryptItem rc2_128 = find(creatorOffer, CipherId.RC2_128);
        if (rc2_128 != null && !DhGroup.isValidPublic(new BigInteger(1, rc2_128.info()))) {
            throw new Violation("offered RC2/128 public key out of range");
        }
        EncryptItem choice = rc2_128 != null ? rc2_128 : find(creatorOffer, CipherId.RC2_40);
        // No key pair when nothing will be encrypted: a plain conversation costs no exponentiation.
        DhKeyPair keys = choice == null ? null : DhKeyPair.generate(random);
        return new ImTermination(keys, creatorOffer, choice, conversationId, observers, maxSegmentedBytes);
    }

    String conversationId() {
        return conversationId;
    }

    /** The offer of leg B: one RC2/128 item with the specific mode, or none (§5.6 [REC]). */
    EncryptOffer offerToTarget() {
        if (creatorChoice == null) {
            return EncryptOffer.none();
        }
        return new EncryptOffer(EncryptPolicy.RC2_128, List.of(EncryptItem.rc2_128(hubKeys.publicKeyPadded())),
                EncryptPolicy.RC2_128, false);
    }

    /**
     * The target accepted leg B: both legs get their ciphers.
     *
     * @param targetAccept the target's accept block
     * @return the accept block the hub sends the creator on leg A
     * @throws Violation if the target chose a cipher the hub did not offer or sent a bad key
     */
    EncryptAccept targetAccepted(EncryptAccept targetAccept, ClientSession creator, ClientSession target)
            throws Violation {
        LegCipher b = LegCipher.NONE;
        if (targetAccept.mode() != EncryptPolicy.NONE && targetAccept.item() != null) {
            // §5.6: the chosen cipher must be one offered; the hub offered RC2/128 or nothing.
            if (creatorChoice == null || targetAccept.item().cipherId() != CipherId.RC2_128) {
                throw new Violation("accept chose cipher " + targetAccept.item().cipherId() + ", which the hub did not offer");
            }
            b = LegCipher.rc2_128(agree(targetAccept.item().info()));
        }
        LegCipher a;
        EncryptAccept toCreator;
        if (creatorChoice == null) {
            a = LegCipher.NONE;
            toCreator = EncryptAccept.none();
        } else if (creatorChoice.cipherId() == CipherId.RC2_128) {
            a = LegCipher.rc2_128(agree(creatorChoice.info()));
            toCreator = new EncryptAccept(EncryptPolicy.RC2_128, EncryptItem.rc2_128(hubKeys.publicKeyPadded()),
                    creatorOffer.mode(), false);
        } else {
            // The creator learns the target's login as acceptor, so that is the key toward it.
            a = LegCipher.rc2_40(ChannelKeys.rc2_40Key(creator.loginId()), ChannelKeys.rc2_40Key(target.loginId()));
            toCreator = new EncryptAccept(EncryptPolicy.RC2_40, EncryptItem.rc2_40(), creatorOffer.mode(), false);
        }
        synchronized (this) {
            creatorLeg = a;
            targetLeg = b;
        }
        LOG.debug("IM conversation {} terminated by the hub: {} toward {}, {} toward {}", conversationId, a,
                creator.describe(), b, target.describe());
        return toCreator;
    }

    /**
     * A CHANNEL_SEND on one leg: decrypted, observed, re-encrypted and sent on the other leg.
     *
     * @param relay the channel pair
     * @param from  the sender's connection
     * @param send  what it sent
     * @throws Violation if the ENCRYPT bit does not match the leg's cipher or the data is undecryptable
     */
    void forward(RelayChannel relay, ClientSession from, ChannelSend send) throws Violation {
        boolean fromCreatorSide = from == relay.creator();
        ClientSession to = relay.peerOf(from);
        synchronized (this) {
            if (creatorLeg == null) {
                LOG.debug("{} sent on IM channel {} before it was accepted; dropped", from.describe(), conversationId);
                return;
            }
            LegCipher in = fromCreatorSide ? creatorLeg : targetLeg;
            LegCipher out = fromCreatorSide ? targetLeg : creatorLeg;
            byte[] plain = decrypt(in, send);
            int options = send.options() & ~HeaderOption.ENCRYPT;
            to.send(out.active()
                    ? new ChannelSend(relay.peerChannelIdOf(from), options | HeaderOption.ENCRYPT, send.msgType(), out.encrypt(plain))
                    : new ChannelSend(relay.peerChannelIdOf(from), options, send.msgType(), plain));
            if (send.msgType() == ImCreateData.MSG_TYPE) {
                observe(fromCreatorSide ? fromCreator : fromTarget, from, to, plain);
            }
        }
    }

    private static byte[] decrypt(LegCipher in, ChannelSend send) throws Violation {
        // §5.7: the ENCRYPT bit is set exactly when the data is encrypted.
        if (in.active() != send.encrypted()) {
            throw new Violation(send.encrypted() ? "encrypted message on a channel without cipher"
                    : "unencrypted message on a channel with cipher " + in);
        }
        if (!in.active()) {
            return send.data();
        }
        try {
            return in.decrypt(send.data());
        } catch (GeneralSecurityException e) {
            throw new Violation("undecryptable message (" + e.getMessage() + ")");
        }
    }

    private void observe(ImTextAssembler assembler, ClientSession from, ClientSession to, byte[] plain) {
        // Fed even while no observer is registered, so one that comes back finds whole messages.
        ImTextAssembler.Text text;
        try {
            text = assembler.accept(plain);
        } catch (ImTextAssembler.SegmentOverflow e) {
            LOG.warn("IM from {} in conversation {}: {}; delivered but not observed", from.describe(), conversationId,
                    e.getMessage());
            return;
        }
        if (text != null) {
            observers.deliver(new ImRecord(from, to, conversationId, Instant.now(), text.format(), text.text()));
        }
    }

    private byte[] agree(byte[] peerPublic) throws Violation {
        try {
            return ChannelKeys.rc2_128Key(hubKeys, peerPublic);
        } catch (IllegalArgumentException e) {
            throw new Violation("RC2/128 public key out of range");
        }
    }

    private static EncryptItem find(EncryptOffer offer, int cipherId) {
        for (EncryptItem item : offer.items()) {
            if (item.cipherId() == cipherId) {
                return item;
            }
        }
        return null;
    }
}
