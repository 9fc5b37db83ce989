package org.openst.runtime.echo;

import org.openst.hub.api.ServiceProvider;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Registers the echo service; the framework unregisters it when the bundle stops. */
public final class EchoActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        context.registerService(ServiceProvider.class, new EchoServiceProvider(), null);
    }

    @Override
    public void stop(BundleContext context) {
    }
}
