package org.openst.privacy;

import java.util.HashSet;

import org.openst.protocol.PrivacyInfo;

/** Comparisons of privacy lists. */
final class PrivacyLists {

    private PrivacyLists() {
    }

    /**
     * Whether two lists mean the same. Order carries no meaning: Meanwhile reverses the list on the
     * wire in both directions, and spec §1.2.2 recommends treating it as a set.
     */
    static boolean same(PrivacyInfo a, PrivacyInfo b) {
        return a.deny() == b.deny() && a.users().size() == b.users().size()
                && new HashSet<>(a.users()).equals(new HashSet<>(b.users()));
    }

    /** A short form for log lines: "deny 3 users" / "allow only 2 users". */
    static String describe(PrivacyInfo list) {
        return (list.deny() ? "deny " : "allow only ") + list.users().size() + " users";
    }
}
