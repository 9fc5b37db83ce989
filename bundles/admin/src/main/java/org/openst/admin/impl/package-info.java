/**
 * The Admin Service: Gogo shell commands (scope {@code openst}) over the hub's
 * {@link org.openst.hub.api.Community} and the service registry: list sessions, kick a login,
 * announce, list services. Each command is a plain object registered with the
 * {@code osgi.command.scope}/{@code osgi.command.function} properties, so the bundle imports no
 * shell API and works in Felix Gogo and in Apache Karaf alike.
 * Implementation only: this package is not exported (it has no {@code @Version}).
 */
package org.openst.admin.impl;
