package org.openst.storage.api;

import java.util.Optional;

import org.openst.protocol.PrivacyInfo;
import org.osgi.annotation.versioning.ProviderType;

/** The privacy list each user last set (protocol spec §3.12), kept across logins and machines. */
@ProviderType
public interface PrivacyStore {

    /** The user's stored list, or empty when the user never set one. */
    Optional<PrivacyInfo> load(String userId);

    /** Stores (or replaces) the user's list; durable when this returns. */
    void save(String userId, PrivacyInfo privacy);
}
