/**
 * The conference service (protocol spec §6.3): a {@link org.openst.hub.api.ServiceProvider} for
 * service {@code 0x80000010} that hosts N-way chats on the server. Implementation only: nothing is
 * exported.
 */
package org.openst.conference;
