/**
 * The LDAP directory: a {@link org.openst.directory.api.Directory} that authenticates users by an
 * LDAP bind and reads users and public groups from one or more LDAP servers (in fail-over order,
 * through a connection pool, every operation under a response time-out). Implementation only:
 * this package is not exported (it has no {@code @Version}).
 */
package org.openst.directory.ldap;
