/**
 * Login tokens of the OpenST users application: short-lived, signed credentials an administrator
 * (or another server application) issues for a user, and that the user presents instead of a
 * password (auth type TOKEN, or pasted as the password by clients such as Pidgin that cannot send
 * a token).
 *
 * <p>Tokens are opaque strings to everybody but the bundle that issued them.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.openst.users.api;
