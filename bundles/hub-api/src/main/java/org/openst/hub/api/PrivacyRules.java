package org.openst.hub.api;

import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.PrivacyUser;

/**
 * The one reading of a privacy list (protocol spec §1.2.2), shared by the hub (channel refusal)
 * and by services (awareness hiding), so that both always agree.
 *
 * @since 1.1
 */
public final class PrivacyRules {

    private PrivacyRules() {
    }

    /**
     * Whether the owner of {@code list} lets {@code otherUserId} see their presence and reach them.
     * User IDs compare case-insensitively, as the directory resolves them; the community field is
     * ignored because this hub serves one community.
     */
    public static boolean allows(PrivacyInfo list, String otherUserId) {
        boolean listed = false;
        for (PrivacyUser u : list.users()) {
            if (u.id().equalsIgnoreCase(otherUserId)) {
                listed = true;
                break;
            }
        }
        // deny = true: the listed users are blocked; deny = false: only the listed users may pass.
        return list.deny() != listed;
    }
}
