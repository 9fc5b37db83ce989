package org.openst.places.service;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.openst.hub.core.Awaits;
import org.openst.places.api.Place;
import org.openst.places.api.PlaceActivity;
import org.openst.places.api.PlaceMember;

/**
 * A {@link PlaceActivity} that writes down every event with the place's members at that moment,
 * e.g. {@code "entered lunch bob [alice, bob]"}. Optionally throws from {@link #messageSent}.
 */
final class RecordingActivity implements PlaceActivity {
    private final String name;
    private final List<String> events = new ArrayList<>(); // guarded by itself
    volatile boolean failOnMessage;

    RecordingActivity(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void placeOpened(Place place) {
        add("opened " + place.name() + " '" + place.title() + "' " + users(place));
    }

    @Override
    public void memberEntered(Place place, PlaceMember member) {
        add("entered " + place.name() + " " + member.userId() + " " + users(place));
    }

    @Override
    public void memberLeft(Place place, PlaceMember member) {
        add("left " + place.name() + " " + member.userId() + " " + users(place));
    }

    @Override
    public void messageSent(Place place, PlaceMember from, String text) {
        add("message " + place.name() + " " + from.userId() + ": " + text);
        if (failOnMessage) {
            throw new IllegalStateException("activity " + name + " fails on purpose");
        }
    }

    @Override
    public void placeClosed(Place place) {
        add("closed " + place.name() + " " + users(place));
    }

    List<String> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** Waits until {@code count} events were recorded and returns them. */
    List<String> awaitEvents(int count) {
        Awaits.until(() -> events().size() >= count, name + " to record " + count + " events, has " + events());
        return events();
    }

    /** Waits until the event was recorded. */
    void awaitEvent(String event) {
        Awaits.until(() -> events().contains(event), name + " to record '" + event + "', has " + events());
    }

    private void add(String event) {
        synchronized (events) {
            events.add(event);
        }
    }

    private static String users(Place place) {
        return place.members().stream().map(PlaceMember::userId).collect(Collectors.joining(", ", "[", "]"));
    }
}
