package org.openst.admin.impl;

import java.util.Comparator;

/**
 * One registered {@code ServiceProvider} as the services table shows it: what it serves and the
 * OSGi registration that decides which provider of a type is in use.
 *
 * @param serviceType the type served (spec §6.0)
 * @param ranking     its {@code service.ranking} (0 when absent)
 * @param serviceId   its {@code service.id}: among equal rankings the oldest registration wins
 * @param bundle      the providing bundle's symbolic name
 * @param bundleId    the providing bundle's ID
 * @param component   the DS component name, or "-" for a provider not registered by DS
 */
record ProviderRow(int serviceType, int ranking, long serviceId, String bundle, long bundleId, String component) {

    /**
     * By type, then the provider the hub gives new channels first: the highest ranking, then the
     * lowest service ID (the OSGi rule, and hub-core's {@code ServiceRegistry}).
     */
    static final Comparator<ProviderRow> ORDER = Comparator.comparingLong((ProviderRow r) -> Integer.toUnsignedLong(r.serviceType()))
            .thenComparing(Comparator.comparingInt(ProviderRow::ranking).reversed())
            .thenComparingLong(ProviderRow::serviceId);
}
