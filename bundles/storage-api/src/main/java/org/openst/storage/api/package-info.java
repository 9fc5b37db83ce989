/**
 * The storage SPI: persistent per-user data of the community (the seed's "Persistent User
 * Data"): user storage units (protocol spec §6.6), privacy lists (§3.12) and configuration
 * records of server applications.
 *
 * <p>An implementation registers all three services. Every method may block (a database round
 * trip), so callers run them on their own executors, never on the hub's network threads. A
 * method that returns normally has made its change durable: it survives a restart and a kill -9
 * of the process. A back end that cannot do its work throws {@link
 * org.openst.storage.api.StorageException}; it never loses or half-applies a change.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.openst.storage.api;
