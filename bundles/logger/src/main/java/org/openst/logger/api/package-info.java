/**
 * Statistics of the community, as recorded by the OpenST Logger (the seed's "Logger" server
 * application): logins, logouts, refused logins, messages and channels per service type, and
 * bundle changes, summed per hour.
 *
 * <p>The {@link org.openst.logger.api.Statistics} service answers from the persistent
 * {@link org.openst.storage.api.StatisticsStore}; event kinds are the strings named in
 * {@link org.openst.logger.api.Statistics}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.openst.logger.api;
