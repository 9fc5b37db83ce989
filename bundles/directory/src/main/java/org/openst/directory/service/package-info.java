/**
 * The directory service (protocol spec §6.7): a {@link org.openst.hub.api.ServiceProvider} for
 * service {@code 0x1A} that lets clients browse the community's users through the highest-ranked
 * {@link org.openst.directory.api.Directory} and receive the contents of public groups.
 * Implementation only: nothing is exported.
 */
package org.openst.directory.service;
