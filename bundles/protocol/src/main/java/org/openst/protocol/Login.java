package org.openst.protocol;

import java.util.Arrays;

/**
 * LOGIN {@code 0x0001} (§3.3, C→S). Note auth_data comes before auth_type. authData is not
 * copied and not included in {@link #toString()} (it carries the password, §4.5–4.6).
 *
 * @param loginType client type (§1.3); u16
 * @param name login name as typed
 * @param authData credentials, layout by authType (§4.5, §4.6)
 * @param authType {@link AuthType}; u16
 * @param extra trailing u16, always 0 from Meanwhile; read as 0 when absent
 */
public record Login(int loginType, String name, byte[] authData, int authType, int extra)
        implements Message {

    /** Normalises nulls and u16 ranges. */
    public Login {
        loginType &= 0xFFFF;
        authType &= 0xFFFF;
        extra &= 0xFFFF;
        name = Strings.orEmpty(name);
        authData = Strings.orEmpty(authData);
    }

    @Override
    public int type() {
        return MessageType.LOGIN;
    }

    @Override
    public int channel() {
        return 0;
    }

    static Login readBody(WireReader r) {
        int loginType = r.u16();
        String name = r.str();
        byte[] auth = r.opq();
        int authType = r.u16();
        // Meanwhile's own reader never reads this field (§3.3), so tolerate its absence.
        int extra = r.remaining() >= 2 ? r.u16() : 0;
        return new Login(loginType, name, auth, authType, extra);
    }

    void writeBody(WireWriter w) {
        w.u16(loginType).str(name).opq(authData).u16(authType).u16(extra);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Login l && l.loginType == loginType && l.name.equals(name)
                && Arrays.equals(l.authData, authData) && l.authType == authType && l.extra == extra;
    }

    @Override
    public int hashCode() {
        return ((loginType * 31 + name.hashCode()) * 31 + Arrays.hashCode(authData)) * 31 + authType;
    }

    @Override
    public String toString() {
        return "Login[loginType=0x" + Integer.toHexString(loginType) + ", name=" + name
                + ", authData=(" + authData.length + " bytes), authType=" + authType
                + ", extra=" + extra + "]";
    }
}
