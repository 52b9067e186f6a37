package org.hotline.testing;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of {@code /q/metrics} in the Prometheus text format, read the way Prometheus reads
 * it: a sample is a metric name, its labels and a value. Tests ask for a sample by name and
 * labels instead of matching lines, so the order of labels does not matter.
 */
public final class MetricsScrape {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+).*$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String text;

    private MetricsScrape(String text) {
        this.text = text;
    }

    /** The whole scrape, as the service answered it. */
    public String text() {
        return text;
    }

    public static MetricsScrape of(String text) {
        return new MetricsScrape(text);
    }

    /**
     * The value of the sample with this name whose labels include these ones.
     *
     * @param labels name, value, name, value, ...
     */
    public Optional<Double> value(String name, String... labels) {
        return values(name, labels).stream().findFirst();
    }

    /** Every sample of this name carrying these labels (and maybe others): one per client, channel, ... */
    public List<Double> values(String name, String... labels) {
        Map<String, String> wanted = pairs(labels);
        return text.lines()
                .filter(line -> !line.startsWith("#"))
                .map(SAMPLE::matcher)
                .filter(Matcher::matches)
                .filter(sample -> sample.group(1).equals(name))
                .filter(sample -> labelsOf(sample.group(3)).entrySet().containsAll(wanted.entrySet()))
                .map(sample -> Double.valueOf(sample.group(4)))
                .toList();
    }

    /** The names of every sample in the scrape. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        text.lines().filter(line -> !line.startsWith("#")).map(SAMPLE::matcher).filter(Matcher::matches)
                .forEach(sample -> names.add(sample.group(1)));
        return names;
    }

    private static Map<String, String> labelsOf(String labels) {
        Map<String, String> found = new LinkedHashMap<>();
        if (labels != null) {
            Matcher label = LABEL.matcher(labels);
            while (label.find()) {
                found.put(label.group(1), label.group(2));
            }
        }
        return found;
    }

    private static Map<String, String> pairs(String... labels) {
        if (labels.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in pairs: " + Arrays.toString(labels));
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            pairs.put(labels[i], labels[i + 1]);
        }
        return pairs;
    }
}
