package org.openst.storage.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A statistics event of the seed's Logger: something happened {@code count} times at {@code at}.
 *
 * @param at    when (or the end of the sampling interval it sums up)
 * @param kind  what, e.g. {@code login}, {@code logout}, {@code login.failed},
 *              {@code messages.0x1000}, {@code channel.0x11}, {@code bundle.started}
 * @param count how many times (at least 1)
 * @since 1.1
 */
public record StatEvent(Instant at, String kind, long count) {
    public StatEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        if (kind.isEmpty()) {
            throw new IllegalArgumentException("kind must not be empty");
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
    }
}
