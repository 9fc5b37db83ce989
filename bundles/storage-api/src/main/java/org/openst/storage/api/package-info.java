/**
 * The storage SPI: persistent data of the community: per-user data (the seed's "Persistent User
 * Data": user storage units, protocol spec §6.6, and privacy lists, §3.12), configuration records
 * of server applications, since 1.1 the chat log ({@link org.openst.storage.api.ChatLogStore})
 * and the Logger's statistics ({@link org.openst.storage.api.StatisticsStore}), and since 1.2 the
 * set of users that have a stored privacy list
 * ({@link org.openst.storage.api.PrivacyStore#usersWithLists()}).
 *
 * <p>An implementation registers the services it supports. Every method may block (a database round
 * trip), so callers run them on their own executors, never on the hub's network threads. A
 * method that returns normally has made its change durable: it survives a restart and a kill -9
 * of the process. A back end that cannot do its work throws {@link
 * org.openst.storage.api.StorageException}; it never loses or half-applies a change.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.openst.storage.api;
