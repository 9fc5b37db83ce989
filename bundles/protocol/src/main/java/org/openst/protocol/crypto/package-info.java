/**
 * Sametime cryptography (§4): the Diffie-Hellman group, RC2 exactly as Meanwhile runs it
 * (effective key bits 1024, fixed IV, CBC chained across messages), login credential blocks and
 * per-channel keys (§5.7). Uses only the JDK's SunJCE.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.openst.protocol.crypto;
