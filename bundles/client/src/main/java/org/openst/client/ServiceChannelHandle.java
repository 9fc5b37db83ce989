package org.openst.client;

import java.io.IOException;
import java.time.Duration;

import org.openst.protocol.LoginInfo;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An open channel to a server application (or any service), for testing it message by message.
 * Received service messages are queued until taken with {@link #receive} or {@link #poll}.
 * Never encrypted. Thread-safe.
 */
@ProviderType
public interface ServiceChannelHandle {

    /** @return the channel ID on this connection */
    int channelId();

    /** @return the service type */
    int service();

    /** @return the service protocol type */
    int protoType();

    /** @return the service protocol version */
    int protoVersion();

    /** @return a copy of the addtl of the CHANNEL_CREATE */
    byte[] createData();

    /**
     * @return a copy of the addtl of the CHANNEL_ACCEPT (the one received for a channel this
     *     client created, the one sent for an incoming channel)
     */
    byte[] acceptData();

    /** @return the other end's LoginInfo (acceptor or creator), or null if none was sent */
    LoginInfo peer();

    /**
     * Sends a CHANNEL_SEND.
     *
     * @param msgType the service message type (u16)
     * @param data the body; null for empty
     * @throws IOException if the channel or the connection is closed
     */
    void send(int msgType, byte[] data) throws IOException;

    /**
     * Takes the next received message, waiting for it.
     *
     * @param timeout how long to wait
     * @return the message
     * @throws java.net.SocketTimeoutException if none arrived in time
     * @throws ChannelClosedException if the channel is closed and nothing is left to take
     * @throws java.io.InterruptedIOException if the thread was interrupted
     */
    ChannelMessage receive(Duration timeout) throws IOException;

    /**
     * Takes the next received message if one arrives in time, like {@link
     * java.util.concurrent.BlockingQueue#poll(long, java.util.concurrent.TimeUnit)}.
     *
     * @param timeout how long to wait
     * @return the message, or null on time-out or when closed and drained
     * @throws java.io.InterruptedIOException if the thread was interrupted
     */
    ChannelMessage poll(Duration timeout) throws IOException;

    /**
     * Waits until the channel is closed by either side or the session ends.
     *
     * @param timeout how long to wait
     * @return the close reason
     * @throws java.net.SocketTimeoutException if it is still open after the timeout
     * @throws java.io.InterruptedIOException if the thread was interrupted
     */
    int awaitClosed(Duration timeout) throws IOException;

    /** @return true until either side closed the channel or the session ended */
    boolean isOpen();

    /** Closes with reason 0 and no data; does nothing if already closed. */
    void close();

    /**
     * Sends CHANNEL_DESTROY; does nothing if already closed.
     *
     * @param reason the reason code
     * @param data optional data (conferences send a text, §6.3.5); null for none
     */
    void close(int reason, byte[] data);
}
