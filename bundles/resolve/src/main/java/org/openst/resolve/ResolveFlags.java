package org.openst.resolve;

/** The flags of a resolve request (spec §6.5; Meanwhile's {@code mwResolveFlag}). */
final class ResolveFlags {
    /** Only an unambiguous answer; several matches give {@link ResolveCodes#MULTIPLE}. */
    static final int UNIQUE = 0x01;
    /** Stop at the first directory with a match; we have one directory, so no effect. */
    static final int FIRST = 0x02;
    /** Search every directory; we have one directory, so no effect. */
    static final int ALL_DIRS = 0x04;
    /** Match users. */
    static final int USERS = 0x08;
    /** Match public groups. */
    static final int GROUPS = 0x10;

    private ResolveFlags() {
    }

    /**
     * Whether to match users. Requests with neither USERS nor GROUPS ask for users: Meanwhile's
     * older headers had no GROUPS flag and described USERS as "should be set for all user searches",
     * so a client leaving both out is asking the classic question.
     */
    static boolean wantsUsers(int flags) {
        return (flags & USERS) != 0 || (flags & GROUPS) == 0;
    }

    static boolean wantsGroups(int flags) {
        return (flags & GROUPS) != 0;
    }

    static boolean unique(int flags) {
        return (flags & UNIQUE) != 0;
    }
}
