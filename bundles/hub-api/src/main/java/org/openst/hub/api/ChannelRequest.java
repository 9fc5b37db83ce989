package org.openst.hub.api;

import java.util.Objects;

import org.openst.protocol.LoginInfo;

/**
 * What a server application asks for when it opens a channel toward a client
 * ({@link Community#openChannel}).
 *
 * @param serviceType  the service the channel belongs to (protocol spec §6.0)
 * @param protoType    the service protocol type
 * @param protoVersion the service protocol version
 * @param createData   the service-specific creation data ("addtl"); never null
 * @param creator      who the client should see as the channel's creator, or null for none
 */
public record ChannelRequest(int serviceType, int protoType, int protoVersion, byte[] createData,
        LoginInfo creator) {
    public ChannelRequest {
        createData = createData == null ? new byte[0] : createData.clone();
    }

    @Override
    public byte[] createData() {
        return createData.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelRequest r && serviceType == r.serviceType && protoType == r.protoType
                && protoVersion == r.protoVersion && java.util.Arrays.equals(createData, r.createData)
                && Objects.equals(creator, r.creator);
    }

    @Override
    public int hashCode() {
        return Objects.hash(serviceType, protoType, protoVersion, java.util.Arrays.hashCode(createData), creator);
    }
}
