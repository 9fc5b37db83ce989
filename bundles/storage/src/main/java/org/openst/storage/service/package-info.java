/**
 * The User Storage server application (the seed's "User Storage"): the storage service
 * {@code 0x18} of protocol spec §6.6, keyed units per user kept in a
 * {@link org.openst.storage.api.UserStorage}. Implementation only: this package is not exported
 * (it has no {@code @Version}).
 */
package org.openst.storage.service;
