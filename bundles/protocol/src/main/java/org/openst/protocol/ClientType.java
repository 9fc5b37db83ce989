package org.openst.protocol;

/** Client type IDs carried as {@code login_type} in HANDSHAKE, LOGIN and LoginInfo (§1.3). */
public final class ClientType {
    /** §1.3 Lotus binary library. */
    public static final int LOTUS_BINARY_LIBRARY = 0x1000;
    /** §1.3 Lotus Java applet. */
    public static final int LOTUS_JAVA_APPLET = 0x1001;
    /** §1.3 Lotus Sametime Connect (binary application); Pidgin's "hide identity" default. */
    public static final int LOTUS_SAMETIME_CONNECT = 0x1002;
    /** §1.3 Lotus Java application. */
    public static final int LOTUS_JAVA_APPLICATION = 0x1003;
    /** §1.3 Sametime Links toolkit. */
    public static final int SAMETIME_LINKS = 0x100A;
    /** §1.3 Notes 6.5. */
    public static final int NOTES_6_5 = 0x1200;
    /** §1.3 Notes 6.5.3. */
    public static final int NOTES_6_5_3 = 0x1203;
    /** §1.3 Notes 7.0 beta. */
    public static final int NOTES_7_0_BETA = 0x1210;
    /** §1.3 Notes 7.0. */
    public static final int NOTES_7_0 = 0x1214;
    /** §1.3 IBM Community Tools. */
    public static final int ICT = 0x1300;
    /** §1.3 IBM Community Tools 1.7.8.2. */
    public static final int ICT_1_7_8_2 = 0x1302;
    /** §1.3 IBM Community Tools SIP. */
    public static final int ICT_SIP = 0x1303;
    /** §1.3 Sametime Connect 7.5 (named by Pidgin only). */
    public static final int SAMETIME_CONNECT_7_5 = 0x1305;
    /** §1.3 Sametime Connect 7.5, second ID (named by Pidgin only). */
    public static final int SAMETIME_CONNECT_7_5_B = 0x1306;
    /** §1.3 Sametime Connect 7.5, third ID (named by Pidgin only). */
    public static final int SAMETIME_CONNECT_7_5_C = 0x1307;
    /** §1.3 Alphaworks NotesBuddy 4.14. */
    public static final int NOTESBUDDY_4_14 = 0x1400;
    /** §1.3 Alphaworks NotesBuddy 4.15. */
    public static final int NOTESBUDDY_4_15 = 0x1405;
    /** §1.3 Alphaworks NotesBuddy 4.16. */
    public static final int NOTESBUDDY_4_16 = 0x1406;
    /** §1.3 Sanity. */
    public static final int SANITY = 0x1600;
    /** §1.3 ST-Send-Message (Perl). */
    public static final int ST_SEND_MESSAGE = 0x1625;
    /** §1.3 PMR alert. */
    public static final int PMR_ALERT = 0x1650;
    /** §1.3 Trillian. */
    public static final int TRILLIAN = 0x16AA;
    /** §1.3 Trillian (IBM). */
    public static final int TRILLIAN_IBM = 0x16BB;
    /** §1.3 Meanwhile: the default of Meanwhile and of Pidgin. */
    public static final int MEANWHILE = 0x1700;

    private ClientType() {
    }

    /**
     * @param type a client type ID
     * @return a human description from §1.3, or {@code "unknown client 0x…"}
     */
    public static String name(int type) {
        switch (type) {
            case LOTUS_BINARY_LIBRARY: return "Lotus binary library";
            case LOTUS_JAVA_APPLET: return "Lotus Java applet";
            case LOTUS_SAMETIME_CONNECT: return "Lotus Sametime Connect";
            case LOTUS_JAVA_APPLICATION: return "Lotus Java application";
            case SAMETIME_LINKS: return "Sametime Links toolkit";
            case NOTES_6_5: return "Notes 6.5";
            case NOTES_6_5_3: return "Notes 6.5.3";
            case NOTES_7_0_BETA: return "Notes 7.0 beta";
            case NOTES_7_0: return "Notes 7.0";
            case ICT: return "IBM Community Tools";
            case ICT_1_7_8_2: return "IBM Community Tools 1.7.8.2";
            case ICT_SIP: return "IBM Community Tools SIP";
            case SAMETIME_CONNECT_7_5:
            case SAMETIME_CONNECT_7_5_B:
            case SAMETIME_CONNECT_7_5_C: return "Sametime Connect 7.5";
            case NOTESBUDDY_4_14: return "NotesBuddy 4.14";
            case NOTESBUDDY_4_15: return "NotesBuddy 4.15";
            case NOTESBUDDY_4_16: return "NotesBuddy 4.16";
            case SANITY: return "Sanity";
            case ST_SEND_MESSAGE: return "ST-Send-Message";
            case PMR_ALERT: return "PMR alert";
            case TRILLIAN: return "Trillian";
            case TRILLIAN_IBM: return "Trillian (IBM)";
            case MEANWHILE: return "Meanwhile";
            default: return String.format("unknown client 0x%04X", type);
        }
    }
}
