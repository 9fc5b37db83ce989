package org.openst.admin.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.openst.hub.api.ServiceProvider;
import org.openst.protocol.ServiceType;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code openst:services}: the registered server applications ({@code ServiceProvider} services),
 * one line each: service type in hex, its name (spec §6.0), providing bundle and its ID, ranking,
 * DS component, and whether the hub gives it new channels ("in use") when several serve one type.
 *
 * <p>The bundle and ranking come from the service registry (the references' properties), not from
 * the hub: hub-api needs no method for it, and the list shows what is registered even while the hub
 * is down. IM and file transfer are relayed by the hub itself and have no provider.
 */
@Component(service = ServicesCommand.class, property = {"osgi.command.scope=openst", "osgi.command.function=services"})
public final class ServicesCommand {

    static final String RELAYED_NOTE = "IM (0x00001000) and file transfer (0x00000038) are relayed by the hub itself.";

    private final Map<ServiceReference<ServiceProvider>, ProviderRow> providers = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeProvider")
    void addProvider(ServiceProvider provider, ServiceReference<ServiceProvider> ref) {
        Bundle bundle = ref.getBundle();
        if (bundle == null) {
            return; // unregistered meanwhile; its unbind follows
        }
        Object ranking = ref.getProperty(Constants.SERVICE_RANKING);
        Object component = ref.getProperty("component.name");
        providers.put(ref, new ProviderRow(provider.serviceType(), ranking instanceof Integer r ? r : 0,
                (Long) ref.getProperty(Constants.SERVICE_ID), bundle.getSymbolicName(), bundle.getBundleId(),
                component == null ? "-" : component.toString()));
    }

    void removeProvider(ServiceReference<ServiceProvider> ref) {
        providers.remove(ref);
    }

    /** The command; Gogo prints what it returns. */
    public String services() {
        return render(new ArrayList<>(providers.values()));
    }

    static String render(List<ProviderRow> rows) {
        if (rows.isEmpty()) {
            return "no server applications registered\n" + RELAYED_NOTE;
        }
        rows.sort(ProviderRow.ORDER);
        TextTable table = new TextTable("type", "name", "bundle", "id", "ranking", "component", "in use");
        Integer previousType = null;
        for (ProviderRow r : rows) {
            boolean first = previousType == null || previousType != r.serviceType();
            previousType = r.serviceType();
            String name = ServiceType.name(r.serviceType());
            table.row(String.format("0x%08X", r.serviceType()), name.startsWith("UNKNOWN") ? "-" : name, r.bundle(),
                    Long.toString(r.bundleId()), Integer.toString(r.ranking()), r.component(), first ? "yes" : "no");
        }
        return table.render() + rows.size() + (rows.size() == 1 ? " provider. " : " providers. ") + RELAYED_NOTE;
    }
}
