package dev.leeway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.HttpApi;
import dev.leeway.HttpApi.Reply;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of {@code /actuator/prometheus}: each series (name and labels) with its value. */
record PrometheusScrape(Map<String, Double> series) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** Fails the test unless the operator's key gets the text format. */
    static PrometheusScrape of(HttpApi ops) {
        Reply reply = ops.get("/actuator/prometheus");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/plain");
        Map<String, Double> series = new HashMap<>();
        for (String line : reply.body().split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!line.startsWith("#") && sample.find()) {
                series.put(key(sample.group(1), labels(sample.group(2))), Double.parseDouble(sample.group(3)));
            }
        }
        return new PrometheusScrape(series);
    }

    /** The series' value, 0 when it is not there (a counter that has not counted yet). */
    double value(String name, String... labelsAndValues) {
        Map<String, String> labels = new TreeMap<>();
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            labels.put(labelsAndValues[i], labelsAndValues[i + 1]);
        }
        return series.getOrDefault(key(name, labels), 0.0);
    }

    /** How far the series moved since the earlier scrape. */
    double since(PrometheusScrape earlier, String name, String... labelsAndValues) {
        return value(name, labelsAndValues) - earlier.value(name, labelsAndValues);
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new TreeMap<>();
        if (text != null) {
            Matcher label = LABEL.matcher(text);
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        return labels;
    }

    private static String key(String name, Map<String, String> labels) {
        return name + labels;
    }
}
