package org.hotline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What one run measured: the circumstances (machine, load beside it, command), then every figure
 * with its unit and, where it has one, what it is compared with. Written as {@code report.json}
 * for machines and {@code report.md} for people; both hold the same figures.
 */
final class Report {

    private final Map<String, String> run = new LinkedHashMap<>();
    private final List<Figure> figures = new ArrayList<>();

    /**
     * @param key     stable name for tools (the smoke test checks every expected key is there)
     * @param section where it belongs in the Markdown
     * @param note    what it is compared with, or how it was measured
     */
    record Figure(String key, String section, String label, double value, String unit, String note) {
    }

    void context(String name, String value) {
        run.put(name, value);
    }

    void add(String key, String section, String label, double value, String unit, String note) {
        figures.add(new Figure(key, section, label, value, unit, note));
    }

    List<Figure> figures() {
        return List.copyOf(figures);
    }

    void write(Path folder) {
        try {
            Files.createDirectories(folder);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("run", run);
            json.put("figures", figures);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(folder.resolve("report.json").toFile(), json);
            Files.writeString(folder.resolve("report.md"), markdown());
        } catch (IOException e) {
            throw new BenchFailure("cannot write the report to " + folder + ": " + e.getMessage());
        }
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# Benchmark report\n\n");
        run.forEach((name, value) -> md.append("- **").append(name).append(":** ").append(value).append('\n'));
        String section = null;
        for (Figure figure : figures) {
            if (!figure.section().equals(section)) {
                section = figure.section();
                md.append("\n## ").append(section).append("\n\n| figure | value | note |\n|---|---|---|\n");
            }
            md.append("| ").append(figure.label()).append(" | ").append(format(figure.value())).append(' ')
                    .append(figure.unit()).append(" | ").append(figure.note()).append(" |\n");
        }
        return md.toString();
    }

    /** A count as the notes write it: 1,000,000. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String format(double value) {
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (Math.abs(value) >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }
}
