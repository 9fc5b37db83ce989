/**
 * The users application: the hub's {@link org.openst.hub.api.LoginAuthority} (password, token and
 * guest logins), the {@link org.openst.users.api.LoginTokens} service and its shell command.
 * Implementation only: this package is not exported (it has no {@code @Version}).
 */
package org.openst.users.impl;
