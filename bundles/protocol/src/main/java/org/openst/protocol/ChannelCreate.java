package org.openst.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * CHANNEL_CREATE {@code 0x0002} (§3.7, both directions). The header channel is 0 (§2.1); the
 * new channel's ID is {@link #channelId()}. addtl is not copied.
 *
 * @param reserved field 1, 0
 * @param channelId ID of the new channel: client-created have bit 31 clear, server-created set (§5.2)
 * @param target C→S: the user the channel is for ("" for services); S→C: the receiving user
 * @param service service ID (§6, {@link ServiceType})
 * @param protoType service protocol type
 * @param protoVersion service protocol version
 * @param options field 7, 0
 * @param addtl service-specific creation data (§6); null becomes empty
 * @param creator the creating user's LoginInfo, or null when creator_flag is false; the server
 *     must set it on user-originated channels (§3.7, §6.1.1)
 * @param encrypt the encryption offer (§5.5); null becomes {@link EncryptOffer#none()}
 */
public record ChannelCreate(int reserved, int channelId, IdBlock target, int service,
        int protoType, int protoVersion, int options, byte[] addtl, LoginInfo creator,
        EncryptOffer encrypt) implements Message {

    /** Normalises nulls. */
    public ChannelCreate {
        target = target == null ? IdBlock.empty() : target;
        addtl = Strings.orEmpty(addtl);
        encrypt = encrypt == null ? EncryptOffer.none() : encrypt;
    }

    @Override
    public int type() {
        return MessageType.CHANNEL_CREATE;
    }

    /** @return 0: CREATE carries 0 in the header and the ID in its body (§3.7) */
    @Override
    public int channel() {
        return 0;
    }

    /**
     * @param id new channel ID
     * @param newTarget new target
     * @param newCreator new creator LoginInfo (null for none)
     * @return a copy for relaying (§5.8): same service, proto, options, addtl and offer
     */
    public ChannelCreate relayed(int id, IdBlock newTarget, LoginInfo newCreator) {
        return new ChannelCreate(reserved, id, newTarget, service, protoType, protoVersion,
                options, addtl, newCreator, encrypt);
    }

    static ChannelCreate readBody(WireReader r) {
        int reserved = r.u32();
        int id = r.u32();
        IdBlock target = IdBlock.read(r);
        int service = r.u32();
        int protoType = r.u32();
        int protoVersion = r.u32();
        int options = r.u32();
        byte[] addtl = r.opq();
        LoginInfo creator = r.bool() ? LoginInfo.read(r) : null;
        EncryptOffer encrypt = EncryptOffer.read(r);
        return new ChannelCreate(reserved, id, target, service, protoType, protoVersion, options,
                addtl, creator, encrypt);
    }

    void writeBody(WireWriter w) {
        w.u32(reserved).u32(channelId);
        target.write(w);
        w.u32(service).u32(protoType).u32(protoVersion).u32(options).opq(addtl).bool(creator != null);
        if (creator != null) {
            creator.write(w);
        }
        encrypt.write(w);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelCreate c && c.reserved == reserved && c.channelId == channelId
                && c.target.equals(target) && c.service == service && c.protoType == protoType
                && c.protoVersion == protoVersion && c.options == options
                && Arrays.equals(c.addtl, addtl) && Objects.equals(c.creator, creator)
                && c.encrypt.equals(encrypt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reserved, channelId, target, service, protoType, protoVersion, options,
                Arrays.hashCode(addtl), creator, encrypt);
    }

    @Override
    public String toString() {
        return "ChannelCreate[channelId=0x" + Integer.toHexString(channelId) + ", target=" + target
                + ", service=" + ServiceType.name(service) + ", protoType=0x"
                + Integer.toHexString(protoType) + ", protoVersion=0x" + Integer.toHexString(protoVersion)
                + ", reserved=" + reserved + ", options=" + options + ", addtl=" + Hex.brief(addtl)
                + ", creator=" + creator + ", encrypt=" + encrypt + "]";
    }
}
