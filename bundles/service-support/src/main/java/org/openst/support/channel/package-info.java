/**
 * Request handling that request/response service providers share:
 * {@link org.openst.support.channel.ChannelRequests}. Not exported (no {@code @Version}): each
 * bundle that uses it embeds a private copy with bnd's {@code -conditionalpackage}.
 */
package org.openst.support.channel;
