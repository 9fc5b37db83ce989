/**
 * The Places server application's interface to external activities: the seed's "A single place
 * is the holder of the interaction and contains participants and activities ... an interface to
 * external activities. This interface enables the place to be a single synchronization point for
 * multiple activities."
 *
 * <p>A bundle that wants to take part in places (the Chat Logging server application, which
 * "enters all places as an additional activity that listens to the chat in the place", or any
 * other activity) registers a {@link org.openst.places.api.PlaceActivity} as an OSGi service.
 * The places bundle enters every live {@link org.openst.places.api.Place} with every registered
 * activity and reports what happens in it.
 *
 * <p>Ordering and threading: every event of one place is delivered to all of the place's
 * activities, one activity after the other in the order they entered, before the next event of
 * that place is delivered. All activities therefore see the events of a place in the same
 * order, which is the order the members saw on the wire. Events of different places may be
 * delivered concurrently, on different threads. The calling thread is the place's serial worker:
 * an activity must return quickly and never block (no database or network round trips); slow
 * work belongs on the activity's own executor. An activity that throws is logged and skipped;
 * the place and the other activities carry on.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.openst.places.api;
