package org.openst.storage.service;

import java.util.Optional;

/**
 * Checks a buddy list (storage key 0) before it is stored or served: a {@code str} holding the
 * Sametime list text of protocol spec §1.4, read the way Meanwhile reads it (src/st_list.c).
 * Meanwhile trusts the server's copy, so a list that would crash it or corrupt its memory must
 * never get in:
 * <ul>
 * <li>a {@code U} line before any {@code G} line (Meanwhile dereferences a missing group);</li>
 * <li>a {@code U} line whose first token has no {@code <id><type>::} (with {@code ::} at its
 * start Meanwhile writes before its buffer);</li>
 * <li>a {@code G} line without a {@code <name><type>} token;</li>
 * <li>a NUL byte (Meanwhile would silently cut the list there);</li>
 * <li>a value that is not exactly one {@code str}.</li>
 * </ul>
 * Other line types are ignored, as Meanwhile ignores them. Bytes are not decoded: the grammar is
 * ASCII and names may be in any encoding.
 */
final class SametimeListCheck {

    private SametimeListCheck() {
    }

    /** Why {@code value} is not an acceptable list, or empty when it is. */
    static Optional<String> problem(byte[] value) {
        if (value.length < 2) {
            return Optional.of("not a str: " + value.length + " byte(s)");
        }
        int declared = ((value[0] & 0xFF) << 8) | (value[1] & 0xFF);
        if (value.length != 2 + declared) {
            return Optional.of("not a str: its length field says " + declared + " bytes but " + (value.length - 2)
                    + " follow");
        }
        boolean groupSeen = false;
        int line = 0;
        int i = 2;
        while (true) {
            // Like Meanwhile: skip whitespace (blank lines included), then read to CR or LF.
            while (i < value.length && isSpace(value[i])) {
                i++;
            }
            if (i >= value.length) {
                return Optional.empty();
            }
            int start = i;
            int end = start + 1;
            while (end < value.length && value[end] != '\n' && value[end] != '\r') {
                end++;
            }
            line++;
            for (int k = start; k < end; k++) {
                if (value[k] == 0) {
                    return Optional.of("line " + line + " contains a NUL byte");
                }
            }
            if (value[start] == 'G') {
                if (firstTokenLength(value, start + 1, end) < 2) {
                    return Optional.of("group line " + line + " has no <name><type> token");
                }
                groupSeen = true;
            } else if (value[start] == 'U') {
                if (!groupSeen) {
                    return Optional.of("user line " + line + " comes before any group line");
                }
                if (!hasIdAndType(value, start + 1, end)) {
                    return Optional.of("user line " + line + " has no <id><type>:: token");
                }
            }
            i = end;
        }
    }

    /**
     * True when the first "::" of the first token in [from, to) (the one Meanwhile's strstr finds)
     * has at least an ID byte and a type byte before it.
     */
    private static boolean hasIdAndType(byte[] b, int from, int to) {
        int start = skipSpace(b, from, to);
        int end = start + firstTokenLength(b, from, to);
        for (int k = start; k + 1 < end; k++) {
            if (b[k] == ':' && b[k + 1] == ':') {
                return k - start >= 2;
            }
        }
        return false;
    }

    /** Length of the first whitespace-delimited token in [from, to), as sscanf's %s reads it. */
    private static int firstTokenLength(byte[] b, int from, int to) {
        int start = skipSpace(b, from, to);
        int end = start;
        while (end < to && !isSpace(b[end])) {
            end++;
        }
        return end - start;
    }

    private static int skipSpace(byte[] b, int from, int to) {
        int k = from;
        while (k < to && isSpace(b[k])) {
            k++;
        }
        return k;
    }

    /** C's isspace in the C locale, which is also GLib's g_ascii_isspace. */
    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
