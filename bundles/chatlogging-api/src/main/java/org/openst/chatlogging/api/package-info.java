/**
 * The Chat Logging server application's API: server applications that host conversations
 * (conferences, places) hand their messages to {@link org.openst.chatlogging.api.ChatLog}, and
 * administrators read the log back through it. One-to-one IMs are recorded by the chat logging
 * bundle itself (it observes the hub). The entries and queries are the storage SPI's types.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.openst.chatlogging.api;
