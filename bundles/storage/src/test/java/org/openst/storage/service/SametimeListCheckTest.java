package org.openst.storage.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.openst.protocol.WireWriter;

/** What may be stored and served as a buddy list (spec §1.4), one test per rule. */
class SametimeListCheckTest {

    private static Optional<String> check(String text) {
        return SametimeListCheck.problem(new WireWriter().strBytes(text.getBytes(StandardCharsets.ISO_8859_1)).toByteArray());
    }

    private static void assertRefused(String text, String why) {
        Optional<String> problem = check(text);
        assertTrue(problem.isPresent(), "should be refused: " + text);
        assertTrue(problem.get().contains(why), problem.get());
    }

    @Test
    void theSpecExampleIsFine() {
        assertEquals(Optional.empty(), check(StorageServiceTest.SPEC_LIST));
    }

    @Test
    void emptyAndVersionOnlyListsAreFine() {
        assertEquals(Optional.empty(), check(""));
        assertEquals(Optional.empty(), check("Version=3.1.3\r\n"));
    }

    @Test
    void crOrLfAloneSeparateLinesAndBlankLinesAreSkipped() {
        assertEquals(Optional.empty(), check("G a2 a O\n\n   U b1:: B,\rU c1:: C,"));
    }

    @Test
    void unknownLinesAreIgnored() {
        assertEquals(Optional.empty(), check("X whatever\r\nG a2 a O\r\nZ\r\nU b1:: B,\r\n"));
    }

    @Test
    void userLineBeforeAnyGroupLineIsRefused() {
        assertRefused("Version=3.1.3\r\nU bob1:: Bob,\r\nG Friends2 Friends O\r\n", "before any group");
        assertRefused("  U bob1:: Bob,", "before any group");
    }

    @Test
    void userLineWithoutIdAndTypeIsRefused() {
        assertRefused("G a2 a O\r\nU ::x Bob,\r\n", "no <id><type>::");
        assertRefused("G a2 a O\r\nU 1:: Bob,\r\n", "no <id><type>::");
        assertRefused("G a2 a O\r\nU bob Bob,\r\n", "no <id><type>::");
        assertRefused("G a2 a O\r\nU\r\n", "no <id><type>::");
        assertRefused("G a2 a O\r\nU a:::b Bob,\r\n", "no <id><type>::"); // the first "::" leaves no ID
    }

    @Test
    void groupLineWithoutNameIsRefused() {
        assertRefused("G\r\n", "no <name><type>");
        assertRefused("G 2 x O\r\n", "no <name><type>");
    }

    @Test
    void nulByteIsRefused() {
        assertRefused("G a2 a O\r\nU b1:: B\0,\r\n", "NUL");
    }

    @Test
    void valueThatIsNotExactlyOneStrIsRefused() {
        assertTrue(SametimeListCheck.problem(new byte[0]).get().contains("not a str"));
        assertTrue(SametimeListCheck.problem(new byte[] {0}).get().contains("not a str"));
        assertTrue(SametimeListCheck.problem(new byte[] {0, 5, 'G'}).get().contains("not a str"));
        assertTrue(SametimeListCheck.problem(new byte[] {0, 1, 'G', 'x'}).get().contains("not a str"));
    }
}
