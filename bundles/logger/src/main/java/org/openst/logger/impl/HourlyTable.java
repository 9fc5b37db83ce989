package org.openst.logger.impl;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.openst.logger.api.Statistics;
import org.openst.storage.api.StatTotal;

/**
 * The text table of {@code openst:stats}: one row per UTC hour (hours without events show zeros),
 * one column per kind or family of kinds, and a total row. Numbers are right-aligned.
 */
final class HourlyTable {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final String FIRST_HEADER = "hour (UTC)";
    private static final String GAP = "  ";

    /** A column: its title and the kinds it sums. */
    record Column(String title, Predicate<String> kinds) {
    }

    /** login, logout, login.failed, messages (all services), channels (all services), bundle changes. */
    static final List<Column> SUMMARY = List.of(
            new Column(Statistics.LOGIN, Statistics.LOGIN::equals),
            new Column(Statistics.LOGOUT, Statistics.LOGOUT::equals),
            new Column(Statistics.LOGIN_FAILED, Statistics.LOGIN_FAILED::equals),
            new Column("messages", k -> k.startsWith(Statistics.MESSAGES_PREFIX)),
            new Column("channels", k -> k.startsWith(Statistics.CHANNEL_PREFIX)),
            new Column("bundles", k -> k.startsWith(Statistics.BUNDLE_PREFIX)));

    private HourlyTable() {
    }

    /**
     * A column for one kind, or for a family when {@code kind} ends in {@code .} or {@code .*}
     * ({@code messages.*} sums every {@code messages.0x...}).
     */
    static Column forKind(String kind) {
        if (kind.endsWith(".*")) {
            String prefix = kind.substring(0, kind.length() - 1);
            return new Column(kind, k -> k.startsWith(prefix));
        }
        if (kind.endsWith(".")) {
            return new Column(kind + "*", k -> k.startsWith(kind));
        }
        return new Column(kind, kind::equals);
    }

    /**
     * @param firstHour the start of the first row's hour
     * @param hours     how many rows
     */
    static String render(List<StatTotal> totals, Instant firstHour, int hours, List<Column> columns) {
        long[][] cells = new long[hours][columns.size()];
        for (StatTotal t : totals) {
            long row = Duration.between(firstHour, t.hour().truncatedTo(ChronoUnit.HOURS)).toHours();
            if (row < 0 || row >= hours) {
                continue;
            }
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).kinds().test(t.kind())) {
                    cells[(int) row][c] += t.total();
                }
            }
        }
        long[] sum = new long[columns.size()];
        List<String[]> lines = new ArrayList<>(hours + 2);
        lines.add(header(columns));
        for (int r = 0; r < hours; r++) {
            String[] line = new String[columns.size() + 1];
            line[0] = HOUR.format(firstHour.plus(Duration.ofHours(r)));
            for (int c = 0; c < columns.size(); c++) {
                line[c + 1] = Long.toString(cells[r][c]);
                sum[c] += cells[r][c];
            }
            lines.add(line);
        }
        String[] total = new String[columns.size() + 1];
        total[0] = "total";
        for (int c = 0; c < columns.size(); c++) {
            total[c + 1] = Long.toString(sum[c]);
        }
        lines.add(total);
        return format(lines);
    }

    private static String[] header(List<Column> columns) {
        String[] h = new String[columns.size() + 1];
        h[0] = FIRST_HEADER;
        for (int c = 0; c < columns.size(); c++) {
            h[c + 1] = columns.get(c).title();
        }
        return h;
    }

    /** First column left-aligned, the others right-aligned, each as wide as its widest cell. */
    private static String format(List<String[]> lines) {
        int[] width = new int[lines.get(0).length];
        for (String[] line : lines) {
            for (int c = 0; c < line.length; c++) {
                width[c] = Math.max(width[c], line[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] line : lines) {
            out.append(line[0]).append(" ".repeat(width[0] - line[0].length()));
            for (int c = 1; c < line.length; c++) {
                out.append(GAP).append(" ".repeat(width[c] - line[c].length())).append(line[c]);
            }
            out.append('\n');
        }
        return out.toString();
    }
}
