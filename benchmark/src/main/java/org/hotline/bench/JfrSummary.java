package org.hotline.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * The top costs in a flight recording of intake while it was under load (samples of its start
 * are left out): where its CPU samples land, by the method on top of the stack, by the library
 * (package) that method belongs to, and by the first method of the project ({@code org.hotline})
 * below it, so the time spent in libraries is charged to the code that called them.
 */
final class JfrSummary {

    private JfrSummary() {
    }

    record Cost(String method, double share) {
    }

    record Costs(long samples, List<Cost> topFrames, List<Cost> libraries, List<Cost> projectFrames) {
    }

    static Costs of(Path recording, Instant from, Instant to, int top) {
        Map<String, Long> topFrames = new HashMap<>();
        Map<String, Long> libraries = new HashMap<>();
        Map<String, Long> projectFrames = new HashMap<>();
        long samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                        || event.getStackTrace().getFrames().isEmpty() || event.getStartTime().isBefore(from)
                        || event.getStartTime().isAfter(to)) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                topFrames.merge(name(frames.get(0)), 1L, Long::sum);
                libraries.merge(library(frames.get(0).getMethod().getType().getName()), 1L, Long::sum);
                frames.stream().filter(f -> f.getMethod().getType().getName().startsWith("org.hotline")).findFirst()
                        .ifPresent(f -> projectFrames.merge(name(f), 1L, Long::sum));
            }
        } catch (IOException e) {
            throw new BenchFailure("cannot read the flight recording " + recording + ": " + e.getMessage());
        }
        return new Costs(samples, rank(topFrames, samples, top), rank(libraries, samples, top),
                rank(projectFrames, samples, top));
    }

    private static List<Cost> rank(Map<String, Long> counts, long samples, int top) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .map(e -> new Cost(e.getKey(), samples == 0 ? 0 : e.getValue() / (double) samples)).toList();
    }

    /** The first three parts of a class's package (io.vertx.core, org.hibernate.sql), or fewer. */
    private static String library(String className) {
        String[] parts = className.split("\\.");
        return String.join(".", java.util.Arrays.asList(parts).subList(0, Math.min(3, Math.max(1, parts.length - 1))));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
