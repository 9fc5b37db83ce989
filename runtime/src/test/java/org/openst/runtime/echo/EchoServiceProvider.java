package org.openst.runtime.echo;

import org.openst.hub.api.ServiceChannel;
import org.openst.hub.api.ServiceProvider;

/**
 * The server application of the hot-deploy test: service 0x7E57 accepts every channel and sends
 * each message back with msg_type + 1. Packed into a bundle at test time and dropped into deploy/.
 */
public final class EchoServiceProvider implements ServiceProvider {
    public static final int SERVICE_TYPE = 0x7E57;

    @Override
    public int serviceType() {
        return SERVICE_TYPE;
    }

    @Override
    public void channelCreated(ServiceChannel channel) {
        channel.accept(null);
    }

    @Override
    public void received(ServiceChannel channel, int msgType, byte[] data) {
        channel.send(msgType + 1, data);
    }

    @Override
    public void channelClosed(ServiceChannel channel, int reason, byte[] data) {
    }
}
