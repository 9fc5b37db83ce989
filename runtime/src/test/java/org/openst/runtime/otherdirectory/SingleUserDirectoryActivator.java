package org.openst.runtime.otherdirectory;

import java.util.Dictionary;
import java.util.Hashtable;

import org.openst.directory.api.Directory;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/** Registers the single-user directory ranked above the embedded one (ranking 0). */
public final class SingleUserDirectoryActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, 10);
        context.registerService(Directory.class, new SingleUserDirectory(), properties);
    }

    @Override
    public void stop(BundleContext context) {
    }
}
