package org.openst.places.service;

import java.io.IOException;

import org.openst.client.ChannelMessage;
import org.openst.client.ServiceChannelHandle;
import org.openst.hub.core.Clients;
import org.openst.places.service.PlaceWire.Info;
import org.openst.places.service.PlaceWire.JoinResponse;
import org.openst.places.service.PlaceWire.SectionList;

/** One client's place channel, driven the way Meanwhile's place service drives it. */
final class PlaceSession {
    final Clients who;
    final ServiceChannelHandle channel;
    int memberId;
    int section;
    String title;
    private int requests;

    private PlaceSession(Clients who, ServiceChannelHandle channel) {
        this.who = who;
        this.channel = channel;
    }

    /** mwPlace_open: creates the channel and waits for the accept. */
    static PlaceSession open(Clients who, String name, String title) throws IOException {
        return new PlaceSession(who, who.client().openServiceChannel(PlaceWire.SERVICE, PlaceWire.PROTO_TYPE,
                PlaceWire.PROTO_VERSION, PlaceWire.createData(name, title)));
    }

    /** Opens the channel and goes all the way to Meanwhile's OPEN state. */
    static PlaceSession enter(Clients who, String name, String title) throws IOException {
        PlaceSession s = open(who, name, title);
        s.join();
        return s;
    }

    /** JOIN_PLACE → JOIN_RESPONSE, INFO → SECTION LIST request → LIST (Meanwhile's place opens). */
    SectionList join() throws IOException {
        channel.send(PlaceWire.JOIN_PLACE, PlaceWire.joinPlace());
        JoinResponse response = next(JoinResponse.class);
        memberId = response.memberId();
        section = response.section();
        title = next(Info.class).title();
        channel.send(PlaceWire.SECTION, PlaceWire.listRequest(section, ++requests));
        return next(SectionList.class);
    }

    void say(String text) throws IOException {
        channel.send(PlaceWire.MESSAGE, PlaceWire.text(section, text));
    }

    ChannelMessage nextRaw() throws IOException {
        return channel.receive(Clients.WAIT);
    }

    <T> T next(Class<T> type) throws IOException {
        return PlaceWire.decode(nextRaw(), type);
    }

    int awaitClosed() throws IOException {
        return channel.awaitClosed(Clients.WAIT);
    }

    String userId() {
        return who.client().loginInfo().userId();
    }
}
