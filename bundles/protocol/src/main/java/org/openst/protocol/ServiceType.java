package org.openst.protocol;

/** Service IDs carried in CHANNEL_CREATE / CHANNEL_ACCEPT / SENSE_SERVICE (§6.0). */
public final class ServiceType {
    /** §6.2 awareness (presence). */
    public static final int AWARENESS = 0x00000011;
    /** §6.5 resolve (name lookup). */
    public static final int RESOLVE = 0x00000015;
    /** §6.6 storage (user settings, buddy list). */
    public static final int STORAGE = 0x00000018;
    /** §6.7 directory (address books). */
    public static final int DIRECTORY = 0x0000001A;
    /** §6.8 file transfer (relayed between clients). */
    public static final int FILE_TRANSFER = 0x00000038;
    /** §6.1 instant messaging (relayed between clients). */
    public static final int IM = 0x00001000;
    /** §6.3 conference (server-hosted N-way chat). */
    public static final int CONFERENCE = 0x80000010;
    /** §6.4 place. */
    public static final int PLACE = 0x80000022;

    private ServiceType() {
    }

    /**
     * @param service a service ID
     * @return its name from §6.0, or {@code "UNKNOWN(0x…)"}
     */
    public static String name(int service) {
        switch (service) {
            case AWARENESS: return "AWARENESS";
            case RESOLVE: return "RESOLVE";
            case STORAGE: return "STORAGE";
            case DIRECTORY: return "DIRECTORY";
            case FILE_TRANSFER: return "FILE_TRANSFER";
            case IM: return "IM";
            case CONFERENCE: return "CONFERENCE";
            case PLACE: return "PLACE";
            default: return String.format("UNKNOWN(0x%08X)", service);
        }
    }
}
