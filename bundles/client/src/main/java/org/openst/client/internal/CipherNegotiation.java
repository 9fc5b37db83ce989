package org.openst.client.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.openst.client.ChannelCipher;

import org.openst.protocol.CipherId;
import org.openst.protocol.EncryptAccept;
import org.openst.protocol.EncryptItem;
import org.openst.protocol.EncryptOffer;
import org.openst.protocol.EncryptPolicy;
import org.openst.protocol.crypto.DhKeyPair;

/** Meanwhile's cipher choices for IM channels (§5.5, §5.6). Stateless. */
final class CipherNegotiation {
    private CipherNegotiation() {
    }

    /**
     * Meanwhile's IM offer: mode and extra WHATEVER, RC2/40 (empty info) and RC2/128 (the
     * session's channel public key). The key is sent padded to 64 bytes — Meanwhile sends it
     * minimal, but every importer accepts leading zeros (§4.2) and a fixed size keeps the offer
     * length at 83 bytes (§5.5) instead of occasionally 82.
     */
    static EncryptOffer meanwhileOffer(DhKeyPair sessionKeys) {
        return meanwhileOffer(sessionKeys, Set.of(ChannelCipher.RC2_40, ChannelCipher.RC2_128));
    }

    /** Meanwhile's offer layout restricted to some ciphers (RC2/40 first, as above). */
    static EncryptOffer meanwhileOffer(DhKeyPair sessionKeys, Set<ChannelCipher> ciphers) {
        List<EncryptItem> items = new ArrayList<>();
        if (ciphers.contains(ChannelCipher.RC2_40)) {
            items.add(EncryptItem.rc2_40());
        }
        if (ciphers.contains(ChannelCipher.RC2_128)) {
            items.add(EncryptItem.rc2_128(sessionKeys.publicKeyPadded()));
        }
        return new EncryptOffer(EncryptPolicy.WHATEVER, items, EncryptPolicy.WHATEVER, false);
    }

    /**
     * The item a client answering a server-created channel picks (§5.6): a specific mode takes
     * only its own cipher; any other mode takes RC2/128 if offered, else RC2/40 (Meanwhile's
     * pick is hash-order dependent there; preferring the stronger cipher is our choice).
     *
     * @return the offered item to accept, or null for no encryption
     */
    static EncryptItem choose(EncryptOffer offer) {
        switch (offer.mode()) {
            case EncryptPolicy.NONE:
                return null;
            case EncryptPolicy.RC2_40:
                return find(offer, CipherId.RC2_40);
            case EncryptPolicy.RC2_128:
                return find(offer, CipherId.RC2_128);
            default:
                EncryptItem strong = find(offer, CipherId.RC2_128);
                return strong != null ? strong : find(offer, CipherId.RC2_40);
        }
    }

    /**
     * The accept block for a choice (§5.5): mode = the chosen cipher's policy, our item (for
     * RC2/128 with our public key), extra = the offer's mode, flag false.
     */
    static EncryptAccept acceptFor(EncryptOffer offer, EncryptItem chosen, DhKeyPair sessionKeys) {
        if (chosen == null) {
            return EncryptAccept.none();
        }
        if (chosen.cipherId() == CipherId.RC2_128) {
            return new EncryptAccept(EncryptPolicy.RC2_128,
                    EncryptItem.rc2_128(sessionKeys.publicKeyPadded()), offer.mode(), false);
        }
        return new EncryptAccept(EncryptPolicy.RC2_40, EncryptItem.rc2_40(), offer.mode(), false);
    }

    /**
     * Whether an accept chose no cipher (§5.6: mode 0 or no item means none).
     */
    static boolean acceptsNothing(EncryptAccept accept) {
        return accept.mode() == EncryptPolicy.NONE || accept.item() == null;
    }

    /** Whether {@code cipherId} was among the offered items. */
    static boolean offered(EncryptOffer offer, int cipherId) {
        return find(offer, cipherId) != null;
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
