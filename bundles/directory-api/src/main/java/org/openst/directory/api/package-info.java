/**
 * Directory SPI: how the community authenticates users and resolves names.
 *
 * <p>The hub and the server applications consume {@link org.openst.directory.api.Directory};
 * directory plugins (the embedded file directory, LDAP, ...) implement it and register it as an
 * OSGi service. Several may be registered at once: consumers use the one with the highest
 * {@code service.ranking}, so a new directory replaces the old one at run time.
 *
 * <p>1.1.0 added public groups ({@link org.openst.directory.api.DirectoryGroup}) and the default
 * methods {@code findGroups}, {@code groupMembers} and {@code search} on {@code Directory}; older
 * implementations keep compiling and simply know no groups and cannot browse.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.openst.directory.api;
