package org.openst.chatlogging.service;

/**
 * Switches the bundle's other components on and off by name: in the framework
 * {@code ComponentContext.enableComponent}/{@code disableComponent}; a recorder in tests.
 */
interface Companions {

    void enable(String componentName);

    void disable(String componentName);
}
