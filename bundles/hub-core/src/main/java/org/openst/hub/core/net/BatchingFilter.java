package org.openst.hub.core.net;

import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.IoSession;

/**
 * First filter of the chain: the bytes of one read pass the decoder and the hub's logic inside a
 * {@link WriteBatch}, so what they cause is written per destination once, after the read.
 */
final class BatchingFilter extends IoFilterAdapter {
    @Override
    public void messageReceived(NextFilter next, IoSession session, Object message) throws Exception {
        WriteBatch batch = WriteBatch.open();
        try {
            next.messageReceived(session, message);
        } finally {
            batch.close();
        }
    }
}
