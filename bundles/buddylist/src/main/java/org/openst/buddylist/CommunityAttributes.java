package org.openst.buddylist;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parses the {@code community.attributes} setting: entries {@code KEY=VALUE}, several per string
 * separated by commas (a {@code .cfg} file holds one string per key).
 *
 * <ul>
 *   <li>{@code KEY}: a {@code u32}, decimal ({@code 9001}) or hexadecimal with {@code 0x} ({@code 0x2329});</li>
 *   <li>{@code VALUE}: {@code hex:0a0b} raw bytes; {@code bool:true} / {@code bool:false} the
 *       2-byte boolean Pidgin writes ({@code 00 01} / {@code 00 00}, spec §6.2.2);
 *       {@code u32:N} 4 bytes big-endian; {@code text:...} or anything else: the UTF-8 text.</li>
 * </ul>
 * Blanks around keys and values are ignored; a value that needs a comma or edge blanks is written
 * in {@code hex:}. A key given twice is an error.
 */
final class CommunityAttributes {
    private CommunityAttributes() {
    }

    /** @throws IllegalArgumentException naming the bad entry */
    static Map<Integer, AttributeValue> parse(String[] config) {
        Map<Integer, AttributeValue> out = new TreeMap<>();
        if (config == null) {
            return out;
        }
        for (String element : config) {
            if (element == null) {
                continue;
            }
            for (String entry : element.split(",")) {
                if (entry.isBlank()) {
                    continue;
                }
                int eq = entry.indexOf('=');
                if (eq < 0) {
                    throw bad(entry, "no '='");
                }
                int key = key(entry, entry.substring(0, eq).strip());
                if (out.put(key, value(entry, entry.substring(eq + 1).strip())) != null) {
                    throw bad(entry, "key " + key + " given twice");
                }
            }
        }
        return out;
    }

    private static int key(String entry, String text) {
        try {
            long v = text.startsWith("0x") || text.startsWith("0X") ? Long.parseLong(text.substring(2), 16)
                    : Long.parseLong(text);
            if (v < 0 || v > 0xFFFF_FFFFL) {
                throw bad(entry, "key outside 0..0xFFFFFFFF");
            }
            return (int) v;
        } catch (NumberFormatException e) {
            throw bad(entry, "key is not a number");
        }
    }

    private static AttributeValue value(String entry, String text) {
        try {
            if (text.startsWith("hex:")) {
                return AttributeValue.of(HexFormat.of().parseHex(text.substring(4).strip()));
            }
            if (text.startsWith("bool:")) {
                String b = text.substring(5).strip();
                if (!b.equals("true") && !b.equals("false")) {
                    throw bad(entry, "bool: needs true or false");
                }
                return AttributeValue.of(new byte[] {0, (byte) (b.equals("true") ? 1 : 0)});
            }
            if (text.startsWith("u32:")) {
                long v = Long.parseLong(text.substring(4).strip());
                if (v < 0 || v > 0xFFFF_FFFFL) {
                    throw bad(entry, "u32 outside 0..4294967295");
                }
                return AttributeValue.of(ByteBuffer.allocate(4).putInt((int) v).array());
            }
            String s = text.startsWith("text:") ? text.substring(5) : text;
            return AttributeValue.of(s.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("community.attributes")) {
                throw e;
            }
            throw bad(entry, "bad value (" + e.getMessage() + ")");
        }
    }

    private static IllegalArgumentException bad(String entry, String why) {
        return new IllegalArgumentException("community.attributes entry '" + entry.strip() + "': " + why);
    }
}
