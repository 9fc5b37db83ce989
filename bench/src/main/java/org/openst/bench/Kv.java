package org.openst.bench;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the coordinator/worker control protocol: a verb followed by {@code key=value}
 * tokens separated by single spaces; values are URL-encoded so they never contain a blank.
 */
public final class Kv {
    private final String verb;
    private final Map<String, String> values;

    public Kv(String verb) {
        this(verb, new LinkedHashMap<>());
    }

    private Kv(String verb, Map<String, String> values) {
        this.verb = verb;
        this.values = values;
    }

    /** Parses a line written by {@link #toString()}. */
    public static Kv parse(String line) {
        String[] tokens = line.trim().split(" ");
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < tokens.length; i++) {
            int eq = tokens[i].indexOf('=');
            if (eq > 0) {
                values.put(tokens[i].substring(0, eq),
                        URLDecoder.decode(tokens[i].substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return new Kv(tokens[0], values);
    }

    public String verb() {
        return verb;
    }

    public Kv put(String key, Object value) {
        values.put(key, String.valueOf(value));
        return this;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public String str(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing '" + key + "' in " + this);
        }
        return v;
    }

    public String str(String key, String dflt) {
        return values.getOrDefault(key, dflt);
    }

    public int integer(String key) {
        return Integer.parseInt(str(key));
    }

    public int integer(String key, int dflt) {
        return has(key) ? integer(key) : dflt;
    }

    public long lng(String key) {
        return Long.parseLong(str(key));
    }

    public long lng(String key, long dflt) {
        return has(key) ? lng(key) : dflt;
    }

    public double dbl(String key) {
        return Double.parseDouble(str(key));
    }

    public Map<String, String> values() {
        return values;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(verb);
        for (Map.Entry<String, String> e : values.entrySet()) {
            b.append(' ').append(e.getKey()).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return b.toString();
    }
}
