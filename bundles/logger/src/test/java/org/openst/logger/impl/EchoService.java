package org.openst.logger.impl;

import org.openst.hub.api.ServiceChannel;
import org.openst.hub.api.ServiceProvider;

/** A test service that accepts every channel and echoes each message back. */
final class EchoService implements ServiceProvider {
    static final int SERVICE = 0x7E57;

    @Override
    public int serviceType() {
        return SERVICE;
    }

    @Override
    public void channelCreated(ServiceChannel channel) {
        channel.accept(new byte[0]);
    }

    @Override
    public void received(ServiceChannel channel, int msgType, byte[] data) {
        channel.send(msgType, data);
    }

    @Override
    public void channelClosed(ServiceChannel channel, int reason, byte[] data) {
    }
}
