package org.hotline.events;

import java.util.List;
import java.util.Map;

/**
 * The hotline's topics: the only place their names, partition counts and configuration are
 * defined. The local launcher, the tests and the compose topic-init container all create topics
 * from {@link #definitions()}; no other file may name a topic this class does not define.
 */
public final class Topics {

    /** {@link ContactRecorded} events, keyed by caller key. */
    public static final String CONTACTS = "hotline.contacts.v1";

    /** {@link CaseEvent}s, keyed by case id. */
    public static final String CASES = "hotline.cases.v1";

    /** Records case-service could not read or process, with the error and origin in headers. */
    public static final String CASE_SERVICE_DEAD_LETTERS = "hotline.case-service.dead-letters.v1";

    /** Records stats-service could not read or process, with the error and origin in headers. */
    public static final String STATS_SERVICE_DEAD_LETTERS = "hotline.stats-service.dead-letters.v1";

    /** Case events intake-service could not read or apply, with the error and origin in headers. */
    public static final String INTAKE_SERVICE_DEAD_LETTERS = "hotline.intake-service.dead-letters.v1";

    /** Partitions per topic: the most consumer instances of one group that can share the work. */
    public static final int PARTITIONS = 6;

    /**
     * The contact and case topics are the log of record: stats are rebuilt by replaying them from
     * offset 0, so nothing may ever be deleted by time or size (the broker default is 7 days).
     * Dead letters are kept as long, because each one is a valid event waiting to be replayed.
     */
    private static final Map<String, String> KEEP_FOREVER = Map.of(
            "retention.ms", "-1",
            "retention.bytes", "-1",
            "cleanup.policy", "delete");

    /** One topic: its name, partition count and topic-level configuration. */
    public record Definition(String name, int partitions, Map<String, String> config) {

        public Definition {
            config = Map.copyOf(config);
        }
    }

    private Topics() {
    }

    /** Every topic of the hotline, with the configuration it must be created with. */
    public static List<Definition> definitions() {
        return List.of(
                new Definition(CONTACTS, PARTITIONS, KEEP_FOREVER),
                new Definition(CASES, PARTITIONS, KEEP_FOREVER),
                new Definition(CASE_SERVICE_DEAD_LETTERS, PARTITIONS, KEEP_FOREVER),
                new Definition(STATS_SERVICE_DEAD_LETTERS, PARTITIONS, KEEP_FOREVER),
                new Definition(INTAKE_SERVICE_DEAD_LETTERS, PARTITIONS, KEEP_FOREVER));
    }

    /** The names of {@link #definitions()}. */
    public static List<String> all() {
        return definitions().stream().map(Definition::name).toList();
    }

    /**
     * Prints, one topic a line, the arguments of Kafka's {@code kafka-topics.sh --create} for it
     * ({@code --topic NAME --partitions N --config K=V ...}), so that a shell (the compose
     * topic-init container) creates exactly these topics without repeating any of them.
     */
    public static void main(String[] args) {
        for (Definition topic : definitions()) {
            StringBuilder line = new StringBuilder("--topic ").append(topic.name())
                    .append(" --partitions ").append(topic.partitions());
            topic.config().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> line.append(" --config ").append(e.getKey()).append('=').append(e.getValue()));
            System.out.println(line);
        }
    }
}
