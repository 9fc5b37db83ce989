package org.openst.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * CHANNEL_ACCEPT {@code 0x0006} (§3.8, both directions). addtl is not copied.
 *
 * @param channel the channel being accepted (header channel)
 * @param service echo of the create
 * @param protoType echo of the create
 * @param protoVersion echo of the create
 * @param addtl service-specific acceptance data (§6); null becomes empty
 * @param acceptor the acceptor's LoginInfo, or null when acceptor_flag is false; needed by the
 *     peer for RC2/40 (§5.7)
 * @param encrypt the encryption accept (§5.5); null becomes {@link EncryptAccept#none()}
 */
public record ChannelAccept(int channel, int service, int protoType, int protoVersion,
        byte[] addtl, LoginInfo acceptor, EncryptAccept encrypt) implements Message {

    /** Normalises nulls. */
    public ChannelAccept {
        addtl = Strings.orEmpty(addtl);
        encrypt = encrypt == null ? EncryptAccept.none() : encrypt;
    }

    @Override
    public int type() {
        return MessageType.CHANNEL_ACCEPT;
    }

    static ChannelAccept readBody(WireReader r, int channel) {
        int service = r.u32();
        int protoType = r.u32();
        int protoVersion = r.u32();
        byte[] addtl = r.opq();
        LoginInfo acceptor = r.bool() ? LoginInfo.read(r) : null;
        EncryptAccept encrypt = EncryptAccept.read(r);
        return new ChannelAccept(channel, service, protoType, protoVersion, addtl, acceptor, encrypt);
    }

    void writeBody(WireWriter w) {
        w.u32(service).u32(protoType).u32(protoVersion).opq(addtl).bool(acceptor != null);
        if (acceptor != null) {
            acceptor.write(w);
        }
        encrypt.write(w);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelAccept a && a.channel == channel && a.service == service
                && a.protoType == protoType && a.protoVersion == protoVersion
                && Arrays.equals(a.addtl, addtl) && Objects.equals(a.acceptor, acceptor)
                && a.encrypt.equals(encrypt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(channel, service, protoType, protoVersion, Arrays.hashCode(addtl),
                acceptor, encrypt);
    }

    @Override
    public String toString() {
        return "ChannelAccept[channel=0x" + Integer.toHexString(channel) + ", service="
                + ServiceType.name(service) + ", protoType=0x" + Integer.toHexString(protoType)
                + ", protoVersion=0x" + Integer.toHexString(protoVersion) + ", addtl="
                + Hex.brief(addtl) + ", acceptor=" + acceptor + ", encrypt=" + encrypt + "]";
    }
}
