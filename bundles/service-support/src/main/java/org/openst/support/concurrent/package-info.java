/**
 * Executors the service bundles share: {@link org.openst.support.concurrent.KeyedSerialExecutor}
 * (one serial lane per user, place or channel on a shared pool) and
 * {@link org.openst.support.concurrent.DaemonPools}. Not exported (no {@code @Version}): each
 * bundle that uses it embeds a private copy with bnd's {@code -conditionalpackage}.
 */
package org.openst.support.concurrent;
