package org.openst.chatlogging.service;

import java.time.Duration;

import org.openst.storage.api.ChatLogStore;

/**
 * The {@link ChatLogStore} in use, which the administrator may swap at run time (H2 to
 * PostgreSQL: storage-jdbc's service goes away and a new one comes). Every change wakes the
 * writer, so entries kept while no store was bound, or while the old one failed, go to the new
 * store at once instead of after the next back-off.
 */
final class CurrentStore {
    private ChatLogStore store;
    private long changes;

    /** A store was bound; with a greedy reference it replaces the one in use. */
    synchronized void bind(ChatLogStore newStore) {
        store = newStore;
        changed();
    }

    /**
     * A store went away. Declarative Services binds a replacement before unbinding the old one, so
     * only the store in use is forgotten.
     */
    synchronized void unbind(ChatLogStore oldStore) {
        if (store == oldStore) {
            store = null;
        }
        changed();
    }

    synchronized ChatLogStore get() {
        return store;
    }

    /** A stamp to pass to {@link #awaitChange}; read it before {@link #get()}. */
    synchronized long stamp() {
        return changes;
    }

    /** Wakes whoever waits in {@link #awaitChange} (shutdown), without changing the store. */
    synchronized void nudge() {
        changed();
    }

    /**
     * Waits until something changed since {@code stamp} or {@code max} passed.
     *
     * @return whether something changed
     */
    synchronized boolean awaitChange(long stamp, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (changes == stamp) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000), 0);
        }
        return true;
    }

    private void changed() {
        changes++;
        notifyAll();
    }
}
