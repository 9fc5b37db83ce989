package org.openst.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * The Privacy Info block (§1.2.2).
 *
 * <p>Order: Meanwhile reverses its list on the wire in both directions, so the order carries no
 * meaning; §1.2.2 recommends treating the list as a set. This codec does NOT reverse: the wire
 * order is the list order, which keeps decode→encode byte-identical for relaying.
 *
 * @param deny true: the users are blocked, everybody else allowed; false: only they are allowed
 * @param users the listed users (immutable copy; null becomes empty)
 */
public record PrivacyInfo(boolean deny, List<PrivacyUser> users) {

    /** Copies the list. */
    public PrivacyInfo {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** @return "allow all": deny = true with an empty list (§1.2.2, Pidgin's mapping) */
    public static PrivacyInfo allowAll() {
        return new PrivacyInfo(true, List.of());
    }

    /**
     * @param r reader
     * @return the block
     * @throws ProtocolException if truncated (including a count larger than the items present)
     */
    public static PrivacyInfo read(WireReader r) {
        boolean deny = r.bool();
        long count = r.u32L();
        // Each item takes at least 5 bytes; checking first stops a huge count from looping long.
        if (count * 5 > r.remaining()) {
            throw new ProtocolException("privacy user count " + count + " exceeds remaining "
                    + r.remaining() + " bytes at offset " + (r.position() - 4));
        }
        List<PrivacyUser> users = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            users.add(PrivacyUser.read(r));
        }
        return new PrivacyInfo(deny, users);
    }

    /** @param w writer */
    public void write(WireWriter w) {
        w.bool(deny).u32(users.size());
        for (PrivacyUser u : users) {
            u.write(w);
        }
    }
}
