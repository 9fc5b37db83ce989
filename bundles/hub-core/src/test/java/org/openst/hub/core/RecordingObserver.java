package org.openst.hub.core;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.openst.hub.api.ImObserver;
import org.openst.hub.api.ImRecord;

/** An {@link ImObserver} that queues what it sees, for tests that await records. */
final class RecordingObserver implements ImObserver {
    private final BlockingQueue<ImRecord> records = new LinkedBlockingQueue<>();

    @Override
    public void imDelivered(ImRecord record) {
        records.add(record);
    }

    /** The next record, or an AssertionError after the timeout. */
    ImRecord next(Duration timeout) throws InterruptedException {
        ImRecord r = records.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (r == null) {
            throw new AssertionError("no IM record within " + timeout);
        }
        return r;
    }

    boolean isEmpty() {
        return records.isEmpty();
    }
}
