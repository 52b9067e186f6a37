package org.hotline.events;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /**
     * {@link CallerErased} events, keyed by caller key: the erasure ledger. Kept for ever, like the
     * other topics of record; intake and case-service re-read it after a restore so that a backup
     * taken before an erasure cannot bring the caller back.
     */
    public static final String ERASURES = "hotline.erasures.v1";

    /** Records case-service could not read or process, with the error and origin in headers. */
    public static final String CASE_SERVICE_DEAD_LETTERS = "hotline.case-service.dead-letters.v1";

    /** Records stats-service could not read or process, with the error and origin in headers. */
    public static final String STATS_SERVICE_DEAD_LETTERS = "hotline.stats-service.dead-letters.v1";

    /** Case events intake-service could not read or apply, with the error and origin in headers. */
    public static final String INTAKE_SERVICE_DEAD_LETTERS = "hotline.intake-service.dead-letters.v1";

    /** Partitions per topic: the most consumer instances of one group that can share the work. */
    public static final int PARTITIONS = 6;

    /**
     * The contact, case and erasure topics are the log of record: stats are rebuilt by replaying them from
     * offset 0, so nothing may ever be deleted by time or size (the broker default is 7 days).
     * Dead letters are kept as long, because each one is a valid event waiting to be replayed.
     */
    private static final Map<String, String> KEEP_FOREVER = Map.of(
            "retention.ms", "-1",
            "retention.bytes", "-1",
            "cleanup.policy", "delete");

    /**
     * How many brokers keep a copy of each partition, and how many must have a write before it is
     * acknowledged. Producers send with {@code acks=all}, which only adds durability when there is
     * more than one replica: with {@link #REPLICATED} a write survives the loss of one broker, and
     * {@code min.insync.replicas=2} refuses writes rather than keep them on a single copy.
     */
    public record Replication(short factor, int minInSyncReplicas) {

        /** One broker (the local stack, the tests, the default compose file): nothing to replicate to. */
        public static final Replication SINGLE_BROKER = new Replication((short) 1, 1);

        /** Three brokers (the replicated compose file, any production cluster). */
        public static final Replication REPLICATED = new Replication((short) 3, 2);

        /** The topic-level configuration this replication adds to a topic's own. */
        public Map<String, String> config() {
            return Map.of("min.insync.replicas", Integer.toString(minInSyncReplicas));
        }
    }

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
                new Definition(ERASURES, PARTITIONS, KEEP_FOREVER),
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
     * ({@code --topic NAME --partitions N --replication-factor R --config K=V ...}), so that a
     * shell (the compose topic-init container) creates exactly these topics without repeating any
     * of them. With the argument {@code replicated} the lines are for a three-broker cluster
     * ({@link Replication#REPLICATED}); without it, for one broker.
     */
    public static void main(String[] args) {
        if (args.length > 1 || (args.length == 1 && !args[0].equals("replicated"))) {
            System.err.println("usage: Topics [replicated]");
            System.exit(2);
        }
        Replication replication = args.length == 1 ? Replication.REPLICATED : Replication.SINGLE_BROKER;
        createArguments(replication).forEach(System.out::println);
    }

    /** The {@code kafka-topics.sh --create} arguments of each topic, one string per topic. */
    public static List<String> createArguments(Replication replication) {
        return definitions().stream().map(topic -> {
            StringBuilder line = new StringBuilder("--topic ").append(topic.name())
                    .append(" --partitions ").append(topic.partitions())
                    .append(" --replication-factor ").append(replication.factor());
            Map<String, String> config = new TreeMap<>(topic.config());
            config.putAll(replication.config());
            config.forEach((key, value) -> line.append(" --config ").append(key).append('=').append(value));
            return line.toString();
        }).toList();
    }
}
