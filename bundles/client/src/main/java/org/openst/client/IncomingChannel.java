package org.openst.client;

import java.io.IOException;

import org.openst.protocol.EncryptOffer;
import org.openst.protocol.LoginInfo;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A non-IM channel the server created toward this client (a conference invitation, a file
 * offer, ...), waiting for this client's answer. Exactly one of {@link #accept} and {@link
 * #refuse} takes effect. Thread-safe.
 */
@ProviderType
public interface IncomingChannel {

    /** @return the channel ID (bit 31 set) */
    int channelId();

    /** @return the service type */
    int service();

    /** @return the service protocol type */
    int protoType();

    /** @return the service protocol version */
    int protoVersion();

    /** @return a copy of the CHANNEL_CREATE addtl (e.g. the invitation) */
    byte[] createData();

    /** @return the creator LoginInfo, or null if the server sent none */
    LoginInfo creator();

    /** @return the encryption offer as received */
    EncryptOffer offer();

    /**
     * Sends CHANNEL_ACCEPT with no cipher (mode NONE) and this addtl. Messages the server sent
     * before are already queued on the returned handle.
     *
     * @param acceptData the addtl; null for empty
     * @return the open channel
     * @throws IOException if the connection is closed
     * @throws IllegalStateException if already accepted or refused
     */
    ServiceChannelHandle accept(byte[] acceptData) throws IOException;

    /**
     * Sends CHANNEL_DESTROY with this reason and data.
     *
     * @param reason the reason, e.g. 0 to decline an invitation like Meanwhile
     * @param data optional data (conference declines carry a text); null for none
     * @throws IOException if the connection is closed
     * @throws IllegalStateException if already accepted or refused
     */
    void refuse(int reason, byte[] data) throws IOException;
}
