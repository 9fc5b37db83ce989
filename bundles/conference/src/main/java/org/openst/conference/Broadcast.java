package org.openst.conference;

import java.util.Collection;

/** Sends one message to many members. */
final class Broadcast {

    private Broadcast() {
    }

    /**
     * Sends {@code encoded} to every member but {@code except}. The payload is encoded ONCE by the
     * caller and the very same array is handed to every channel: the hub only adds each channel's
     * header, so N members cost N writes, never N encodings (the seed: "the community hub
     * distributes a single copy of each message"). Channels do not modify the array.
     *
     * @param except a member to skip, or null for none
     * @return how many members it was sent to
     */
    static int send(Collection<Member> to, Member except, int msgType, byte[] encoded) {
        int sent = 0;
        for (Member m : to) {
            if (m != except) {
                m.channel().send(msgType, encoded);
                sent++;
            }
        }
        return sent;
    }
}
