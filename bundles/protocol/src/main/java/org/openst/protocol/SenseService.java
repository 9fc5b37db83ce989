package org.openst.protocol;

/**
 * SENSE_SERVICE {@code 0x0011} (§3.13, both directions). The server answers an available
 * service by echoing the message.
 *
 * @param service service ID ({@link ServiceType})
 */
public record SenseService(int service) implements Message {

    @Override
    public int type() {
        return MessageType.SENSE_SERVICE;
    }

    @Override
    public int channel() {
        return 0;
    }

    static SenseService readBody(WireReader r) {
        return new SenseService(r.u32());
    }

    void writeBody(WireWriter w) {
        w.u32(service);
    }
}
