package org.openst.bench;

import java.util.ArrayList;
import java.util.List;

/** The results table the benchmark prints, and the totals a smoke test checks. */
public final class Report {
    private final List<String[]> rows = new ArrayList<>();
    private long errors;
    private long lost;
    private final List<String> problems = new ArrayList<>();

    void row(String scenario, String metric, String value) {
        rows.add(new String[] {scenario, metric, value});
    }

    void errors(String scenario, long n, String samples) {
        errors += n;
        row(scenario, "errors", Long.toString(n));
        if (n > 0) {
            problems.add(scenario + ": " + n + " error(s): " + samples);
        }
    }

    void lost(String scenario, long n) {
        lost += n;
        row(scenario, "lost messages", Long.toString(n));
        if (n != 0) {
            problems.add(scenario + ": " + n + " message(s) lost");
        }
    }

    void problem(String text) {
        problems.add(text);
        errors++;
    }

    /** Errors of every scenario, including refused logins and hub ERROR log lines. */
    public long errors() {
        return errors;
    }

    public long lost() {
        return lost;
    }

    public List<String> problems() {
        return problems;
    }

    /** The table, as Markdown. */
    public String table() {
        int w0 = 8;
        int w1 = 6;
        int w2 = 5;
        for (String[] r : rows) {
            w0 = Math.max(w0, r[0].length());
            w1 = Math.max(w1, r[1].length());
            w2 = Math.max(w2, r[2].length());
        }
        String fmt = "| %-" + w0 + "s | %-" + w1 + "s | %" + w2 + "s |%n";
        StringBuilder b = new StringBuilder();
        b.append(String.format(fmt, "scenario", "metric", "value"));
        b.append("|").append("-".repeat(w0 + 2)).append("|").append("-".repeat(w1 + 2)).append("|")
                .append("-".repeat(w2 + 1)).append(":|\n");
        for (String[] r : rows) {
            b.append(String.format(fmt, r[0], r[1], r[2]));
        }
        return b.toString();
    }
}
