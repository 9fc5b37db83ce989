package org.openst.bench.load;

/** Receives the text of every IM message a connection gets (on that connection's reader thread). */
interface TextSink {
    void text(String text);
}
