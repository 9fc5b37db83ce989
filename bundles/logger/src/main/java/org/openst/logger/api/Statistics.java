package org.openst.logger.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.openst.storage.api.StatTotal;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The community's statistics, per hour and per event kind. Registered by the Logger; answers
 * include every event recorded before the call, also those not yet written to the store.
 *
 * <p>Events are kept with a precision of one minute (UTC): a range boundary that is not on a
 * whole minute counts the events of that minute by the minute's start.
 *
 * <p>Every method may block (it reads the store); call it from a thread of your own, never from a
 * hub network thread.
 */
@ProviderType
public interface Statistics {

    /** A login completed. */
    String LOGIN = "login";
    /** A login ended, for whatever reason. */
    String LOGOUT = "logout";
    /** A LOGIN was refused (wrong password, unknown user, authority down...). */
    String LOGIN_FAILED = "login.failed";
    /** Kinds {@code channel.0x<service type in lower-case hex>}: channels opened, e.g. {@code channel.0x1000} (IM). */
    String CHANNEL_PREFIX = "channel.";
    /** Kinds {@code messages.0x<service type in lower-case hex>}: channel messages sent by clients. */
    String MESSAGES_PREFIX = "messages.";
    /**
     * Kinds {@code bundle.installed}, {@code bundle.started}, {@code bundle.stopped},
     * {@code bundle.updated} and {@code bundle.uninstalled}: changes of the OSGi bundles.
     */
    String BUNDLE_PREFIX = "bundle.";

    /**
     * Totals per UTC hour and kind of the events in [{@code from}, {@code to}), ordered by hour,
     * then kind; hours and kinds without events are absent.
     *
     * @throws org.openst.storage.api.StorageException when no statistics store is available or it
     *         cannot be read
     */
    List<StatTotal> totalsPerHour(Instant from, Instant to);

    /**
     * The total per kind of the events in [{@code from}, {@code to}), ordered by kind; kinds
     * without events are absent.
     *
     * @throws org.openst.storage.api.StorageException as {@link #totalsPerHour}
     */
    Map<String, Long> totals(Instant from, Instant to);
}
