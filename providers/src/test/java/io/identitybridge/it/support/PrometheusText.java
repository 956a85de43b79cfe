package io.identitybridge.it.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Prometheus text Keycloak serves at the management port's {@code /metrics}, read into series. */
public final class PrometheusText {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\S+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    public record Series(String name, Map<String, String> labels, double value) {
    }

    public final String text;
    public final List<Series> series = new ArrayList<>();

    private PrometheusText(String text) {
        this.text = text;
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line.strip());
            if (line.startsWith("#") || !m.matches()) {
                continue;
            }
            Map<String, String> labels = new HashMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2).replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\"));
                }
            }
            series.add(new Series(m.group(1), labels, Double.parseDouble(m.group(3))));
        }
    }

    /** GET {@code /metrics} on the suite server's management port. */
    public static PrometheusText scrape(KeycloakServer kc) {
        return scrape(kc.managementUrl());
    }

    /** GET {@code /metrics} under a server's management URL. */
    public static PrometheusText scrape(String managementUrl) {
        Http.Response r = Http.get(managementUrl + "/metrics", null);
        assertEquals(200, r.status(), "GET /metrics on the management port");
        return new PrometheusText(r.body());
    }

    /** The sum over the series of this name that carry these labels (and any others); 0 when there is none. */
    public double value(String name, String... labelPairs) {
        double sum = 0;
        for (Series s : series) {
            if (s.name().equals(name) && has(s.labels(), labelPairs)) {
                sum += s.value();
            }
        }
        return sum;
    }

    public boolean present(String name, String... labelPairs) {
        return series.stream().anyMatch(s -> s.name().equals(name) && has(s.labels(), labelPairs));
    }

    private static boolean has(Map<String, String> labels, String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (!pairs[i + 1].equals(labels.get(pairs[i]))) {
                return false;
            }
        }
        return true;
    }
}
