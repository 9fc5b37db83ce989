/**
 * The Logger server application: records community events, message counts and bundle changes as
 * statistics events, aggregated per minute and written to the
 * {@link org.openst.storage.api.StatisticsStore}; the {@link org.openst.logger.api.Statistics}
 * service and the {@code openst:stats} shell command read them back.
 * Implementation only: this package is not exported (it has no {@code @Version}).
 */
package org.openst.logger.impl;
