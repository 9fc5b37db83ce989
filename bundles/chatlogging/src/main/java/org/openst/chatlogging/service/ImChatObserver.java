package org.openst.chatlogging.service;

import org.openst.chatlogging.api.ChatLog;
import org.openst.hub.api.ImObserver;
import org.openst.hub.api.ImRecord;
import org.openst.storage.api.ChatEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * The seed's "In the case of IM, the Chat Logging server application listens to the IM channels
 * between the two parties": an {@link ImObserver}, registered only while chat logging is enabled
 * ({@link ChatLogComponent} enables this component). Its presence makes the hub terminate the
 * encryption of new IM channels (hub-api {@code ImObserver}); its absence lets them go end to end.
 *
 * <p>Called on the hub's network threads: {@link ChatLog#record} only queues.
 */
@Component(name = ChatLogComponent.IM_OBSERVER, enabled = false, configurationPolicy = ConfigurationPolicy.IGNORE,
        service = ImObserver.class)
public final class ImChatObserver implements ImObserver {

    private final ChatLog chatLog;

    @Activate
    public ImChatObserver(@Reference(name = "ChatLog", target = ChatLogComponent.OURS) ChatLog chatLog) {
        this.chatLog = chatLog;
    }

    @Override
    public void imDelivered(ImRecord record) {
        if (!record.text().isEmpty()) {
            chatLog.record(entryOf(record));
        }
    }

    /** One IM as a chat log entry: the conversation is the IM channel, the sender named as the directory had it. */
    static ChatEntry entryOf(ImRecord r) {
        return new ChatEntry(0, r.at(), ChatEntry.Kind.IM, r.conversationId(), r.from().userId(), r.from().userName(),
                r.to().userId(), r.format(), r.text());
    }
}
