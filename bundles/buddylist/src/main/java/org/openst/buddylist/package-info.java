/**
 * The buddy list server application: the awareness service {@code 0x11} (protocol spec §6.2).
 * Clients subscribe to users, groups and the community server on their awareness channel and are
 * told of presence (snapshot, update) and attribute changes, filtered by each user's privacy list.
 * Implementation only: this package is not exported (it has no {@code @Version}).
 */
package org.openst.buddylist;
