/**
 * The Chat Logging server application (seed: "catches all the chat messages on the community
 * hub, stores and retrieves them via an API"). Private: the bundle provides
 * {@link org.openst.chatlogging.api.ChatLog}, an {@link org.openst.hub.api.ImObserver} and a
 * places activity as services and exports nothing.
 */
package org.openst.chatlogging.service;
