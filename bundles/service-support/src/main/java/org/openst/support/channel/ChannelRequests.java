package org.openst.support.channel;

import java.time.Duration;

import org.openst.hub.api.ServiceChannel;
import org.openst.protocol.ErrorCode;
import org.openst.support.concurrent.KeyedSerialExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests of a request/response service's channels (resolve, directory), run off the hub's
 * network threads on a bounded pool: one channel's requests one at a time in arrival order, so
 * replies keep request order and a channel's state needs no locks, while channels proceed in
 * parallel. It also answers what goes wrong the same way for every such service, on the one
 * channel concerned (a bad client never harms others):
 *
 * <ul>
 * <li>a channel opened with another protocol type is refused with {@code ERR_PROTOCOL_NO_SUPPORT};</li>
 * <li>when every worker and the pool queue are busy, the request is answered "busy" at once
 * (by the caller's reply, typically {@code ERR_STARVING}): nothing of the channel is pending then,
 * so the order holds;</li>
 * <li>a channel with more than {@code maxPending} unanswered requests is flooding and is closed
 * with {@code ERR_STARVING};</li>
 * <li>a malformed request closes the channel with {@code ERR_REQUEST_INVALID}
 * ({@link #refuse}).</li>
 * </ul>
 *
 * <p>Log lines start with the service's name, as if the service wrote them.
 */
public final class ChannelRequests {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelRequests.class);

    private final String service;
    private final int waitingChannels;
    private final int maxPending;
    private final KeyedSerialExecutor<ServiceChannel> lanes;

    /**
     * @param service         the service's name at the start of log lines ("Resolve")
     * @param threadName      thread name prefix
     * @param threads         worker threads (at least 1)
     * @param waitingChannels channels whose requests may wait for a worker (at least 1)
     * @param maxPending      unanswered requests one channel may have waiting (at least 1)
     * @throws IllegalArgumentException for a bound below 1
     */
    public ChannelRequests(String service, String threadName, int threads, int waitingChannels, int maxPending) {
        this.service = service;
        this.waitingChannels = waitingChannels;
        this.maxPending = maxPending;
        this.lanes = KeyedSerialExecutor.bounded(threadName, threads, waitingChannels, maxPending);
    }

    /**
     * Whether a new channel speaks the service's protocol type; if not it is refused (closed
     * with {@code ERR_PROTOCOL_NO_SUPPORT}, one INFO line).
     */
    public boolean acceptsProtoType(ServiceChannel channel, int protoType) {
        if (channel.protoType() == protoType) {
            return true;
        }
        LOG.info("{}: refusing a channel of {} with protocol type 0x{} (expected 0x{})", service,
                channel.login().userId(), Integer.toHexString(channel.protoType()), Integer.toHexString(protoType));
        channel.close(ErrorCode.ERR_PROTOCOL_NO_SUPPORT);
        return false;
    }

    /**
     * Runs {@code task} after the channel's earlier requests. When the pool is full it runs
     * {@code answerBusy} here instead; when the channel is flooding it closes the channel.
     *
     * @param requestId  the request's ID, for the log
     * @param task       answers the request (on a worker)
     * @param answerBusy answers the request "busy" (on the calling thread)
     */
    public void submit(ServiceChannel channel, int requestId, Runnable task, Runnable answerBusy) {
        switch (lanes.offer(channel, task)) {
            case BUSY:
                LOG.warn("{}: all workers and their queue are busy; answering request {} of {} with ERR_STARVING",
                        service, Integer.toUnsignedString(requestId), channel.login().userId());
                answerBusy.run();
                break;
            case FULL:
                lanes.cancel(channel);
                LOG.warn("{}: closing the channel of {}: more than {} requests unanswered", service,
                        channel.login().userId(), maxPending);
                channel.close(ErrorCode.ERR_STARVING);
                break;
            default:
                // QUEUED; CANCELLED: the channel is being closed; CLOSED: the service is stopping,
                // and the hub closes its channels (ERR_SERVICE_NO_SUPPORT). Nothing to answer.
                break;
        }
    }

    /**
     * Closes a channel that sent what the protocol does not allow, dropping its requests not yet
     * started (one WARN line naming the user and why).
     */
    public void refuse(ServiceChannel channel, String why) {
        lanes.cancel(channel);
        LOG.warn("{}: closing the channel of {}: {}", service, channel.login().userId(), why);
        channel.close(ErrorCode.ERR_REQUEST_INVALID);
    }

    /** The client closed the channel: its requests not yet started are dropped. */
    public void closed(ServiceChannel channel) {
        lanes.cancel(channel);
    }

    /**
     * Applies a new configuration of the workers: the threads at once; the queue bounds shape the
     * queue, which is built once, so a change of them gets one WARN line saying that it applies
     * when {@code bundle} restarts.
     *
     * @param pid the configuration PID, at the start of the WARN line
     */
    public void reconfigure(String pid, String bundle, int threads, int waitingChannels, int maxPending) {
        lanes.resize(threads); // queued requests stay queued
        if (waitingChannels != this.waitingChannels || maxPending != this.maxPending) {
            LOG.warn("{}: queue.size and max.pending apply when bundle {} restarts", pid, bundle);
        }
    }

    /** Stops the workers at once, interrupting requests that still run (the component is going away). */
    public void stop() {
        lanes.close(Duration.ZERO);
    }
}
