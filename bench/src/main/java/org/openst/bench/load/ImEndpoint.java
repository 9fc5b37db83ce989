package org.openst.bench.load;

import java.io.IOException;
import java.util.List;

import org.openst.client.ImConversation;

/** The sending end of one IM flow: a conversation of the client library, or a raw relay peer. */
interface ImEndpoint {
    void sendText(String text) throws IOException;

    /** Several texts with one write on the connection. */
    void sendTexts(List<String> texts) throws IOException;

    static ImEndpoint of(ImConversation c) {
        return new ImEndpoint() {
            @Override
            public void sendText(String text) throws IOException {
                c.sendText(text);
            }

            @Override
            public void sendTexts(List<String> texts) throws IOException {
                c.sendTexts(texts);
            }
        };
    }
}
