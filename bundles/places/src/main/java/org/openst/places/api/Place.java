package org.openst.places.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A live place: a named holder of an N-way interaction with its participants and activities.
 * Implemented by the places bundle; a view that may be read from any thread and always shows the
 * place's current state (when read inside an activity call, the state as of that event).
 */
@ProviderType
public interface Place {

    /** The place's name, unique in the community (the key of its stored definition). */
    String name();

    /** The place's title, as stored with its definition. */
    String title();

    /** The members, in the order they joined; an immutable snapshot. */
    List<PlaceMember> members();

    /** The {@link PlaceActivity#name() names} of the activities in the place, in the order they entered; an immutable snapshot. */
    List<String> activities();
}
