package org.openst.chatlogging.service;

import java.time.Clock;

import org.openst.chatlogging.api.ChatLog;
import org.openst.places.api.Place;
import org.openst.places.api.PlaceActivity;
import org.openst.places.api.PlaceMember;
import org.openst.storage.api.ChatEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * The seed's "the Chat Logging server application enters all places as an additional activity
 * that listens to the chat in the place". Enabled by {@link ChatLogComponent} only while logging
 * is enabled and the places API is wired; this is the only class of the bundle that uses the
 * places API, so without the places bundle the rest of the bundle works (the import is optional).
 *
 * <p>Called on a place's serial worker: {@link ChatLog#record} only queues.
 */
@Component(name = ChatLogComponent.PLACE_ACTIVITY, enabled = false, configurationPolicy = ConfigurationPolicy.IGNORE,
        service = PlaceActivity.class)
public final class PlaceChatActivity implements PlaceActivity {

    private final ChatLog chatLog;
    private final Clock clock;

    @Activate
    public PlaceChatActivity(@Reference(name = "ChatLog", target = ChatLogComponent.OURS) ChatLog chatLog) {
        this(chatLog, Clock.systemUTC());
    }

    PlaceChatActivity(ChatLog chatLog, Clock clock) {
        this.chatLog = chatLog;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "chat logging";
    }

    @Override
    public void messageSent(Place place, PlaceMember from, String text) {
        if (!text.isEmpty()) {
            chatLog.record(entryOf(place, from, text, clock));
        }
    }

    /** One place text: the conversation is the place's name, no receiver (everyone in the place). */
    static ChatEntry entryOf(Place place, PlaceMember from, String text, Clock clock) {
        return new ChatEntry(0, clock.instant(), ChatEntry.Kind.PLACE, place.name(), from.userId(), from.displayName(),
                "", "text", text);
    }
}
