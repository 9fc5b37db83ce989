/**
 * The Privacy server application (the seed's "Privacy"): each user's privacy list (protocol
 * spec §3.12, §1.2.2) kept in a {@link org.openst.storage.api.PrivacyStore} and synchronised
 * between the user's simultaneous logins. Implementation only: this package is not exported (it
 * has no {@code @Version}).
 */
package org.openst.privacy;
