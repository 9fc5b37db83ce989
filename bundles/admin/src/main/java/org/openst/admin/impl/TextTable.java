package org.openst.admin.impl;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain text table: a header line and one line per row, columns padded to their widest cell and
 * separated by two blanks, the last column unpadded, no trailing blanks. Cells must not hold line
 * breaks (callers pass {@link #oneLine} for text from clients).
 */
final class TextTable {
    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... header) {
        this.header = header.clone();
    }

    TextTable row(String... cells) {
        if (cells.length != header.length) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + header.length + " columns");
        }
        rows.add(cells.clone());
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table, every line ending in a line break. */
    String render() {
        int[] width = new int[header.length];
        List<String[]> all = new ArrayList<>(rows.size() + 1);
        all.add(header);
        all.addAll(rows);
        for (String[] line : all) {
            for (int c = 0; c < line.length; c++) {
                width[c] = Math.max(width[c], line[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] line : all) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < line.length; c++) {
                text.append(line[c]);
                if (c + 1 < line.length) {
                    text.append(" ".repeat(width[c] - line[c].length() + 2));
                }
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** Control characters (a status message may hold line breaks) shown as blanks, so a row stays one line. */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return out.toString();
    }
}
