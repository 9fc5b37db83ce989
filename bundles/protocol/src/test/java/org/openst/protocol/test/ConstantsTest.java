package org.openst.protocol.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.MessageType;

/** The constant tables stay consistent with their name lookups. */
class ConstantsTest {

    @Test
    void everyErrorCodeHasItsOwnNameAndAText() throws Exception {
        int count = 0;
        for (Field f : ErrorCode.class.getDeclaredFields()) {
            if (!Modifier.isPublic(f.getModifiers()) || f.getType() != int.class) {
                continue;
            }
            int code = f.getInt(null);
            String name = ErrorCode.name(code);
            // The field is either the canonical name or its ERR_-less alias.
            assertTrue(name.equals(f.getName()) || name.equals("ERR_" + f.getName()), f.getName() + " -> " + name);
            assertEquals(code, ErrorCode.class.getField(name).getInt(null));
            assertFalse(ErrorCode.text(code).isBlank());
            count++;
        }
        assertTrue(count > 90, "expected all §7.2 codes, found " + count);
    }

    @Test
    void errorTextsFollowMeanwhile() {
        assertEquals("Incorrect Username/Password", ErrorCode.text(ErrorCode.INCORRECT_LOGIN));
        assertEquals("User is not online", ErrorCode.text(ErrorCode.ERR_NO_USER));
        assertEquals("FT_REJECTED", ErrorCode.name(0x08000606));
        assertEquals("MULTI_SERVER_LOGIN", ErrorCode.name(0x80000227));
        assertEquals("UNKNOWN(0x12345678)", ErrorCode.name(0x12345678));
        assertTrue(ErrorCode.isError(ErrorCode.ERR_FAILURE));
        assertFalse(ErrorCode.isError(ErrorCode.FT_REJECTED));
    }

    @Test
    void messageTypeNames() {
        assertEquals("HANDSHAKE_ACK", MessageType.name(0x8000));
        assertEquals("ANNOUNCE", MessageType.name(0x22));
        assertEquals("UNKNOWN(0x7777)", MessageType.name(0x7777));
    }
}
