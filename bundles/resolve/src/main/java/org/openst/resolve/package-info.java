/**
 * The resolve service (protocol spec §6.5): a {@link org.openst.hub.api.ServiceProvider} for
 * service {@code 0x15} that resolves names to user and group IDs through the highest-ranked
 * {@link org.openst.directory.api.Directory}. Implementation only: nothing is exported.
 */
package org.openst.resolve;
