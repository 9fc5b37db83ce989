package org.openst.hub.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Sees the text of IMs between users (the seed's chat logging). Register an implementation as
 * an OSGi service. While at least one is registered the hub no longer relays new IM channels end
 * to end: it terminates their encryption (protocol spec §5.8 "Terminate", keys per §5.7) so that
 * it can read them, re-encrypting toward the receiver; clients still see encrypted channels.
 * IM channels opened while no observer was registered stay end to end and are not observed.
 *
 * <p>Called on the hub's network threads, in the order each conversation's messages are
 * delivered; implementations must return quickly and never block.
 *
 * @since 1.2
 */
@ConsumerType
public interface ImObserver {

    /** An IM text was delivered (segmented messages arrive whole, spec §6.1.2). */
    void imDelivered(ImRecord record);
}
