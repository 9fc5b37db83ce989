package org.openst.places.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An activity in places, registered by other bundles as an OSGi service. The places bundle
 * enters every live place with every registered activity: an activity registered while places
 * are open enters each of them at once with {@link #placeOpened} (the place's
 * {@link Place#members()} then lists who is already there; no {@code memberEntered} is replayed).
 * An activity that is unregistered gets no further calls.
 *
 * <p>For one place, calls arrive one at a time, in the place's order, on the place's serial
 * worker thread (see the package documentation): return quickly, never block. Every method has
 * an empty default, so an activity implements only what it needs.
 */
@ConsumerType
public interface PlaceActivity {

    /**
     * A name for administrators and for {@link Place#activities()}; the class name unless
     * overridden.
     */
    default String name() {
        return getClass().getName();
    }

    /**
     * The activity entered a place: the place was just opened (its definition loaded or created,
     * before its first member joined), or the activity registered while the place was open.
     */
    default void placeOpened(Place place) {
    }

    /** A member joined the place; {@link Place#members()} already includes it. */
    default void memberEntered(Place place, PlaceMember member) {
    }

    /** A member left the place (closed its channel or logged out); {@link Place#members()} no longer includes it. */
    default void memberLeft(Place place, PlaceMember member) {
    }

    /**
     * A member sent a text to the place. Called after the text was handed to every member
     * (including the sender) for delivery.
     *
     * @param from the sender, a member of the place
     * @param text the text exactly as sent
     */
    default void messageSent(Place place, PlaceMember from, String text) {
    }

    /**
     * The place closed: its last member left, or the places bundle is stopping. Membership is
     * runtime state and is gone; the place's definition (name, title) stays stored and the place
     * opens again on its next entry.
     */
    default void placeClosed(Place place) {
    }
}
