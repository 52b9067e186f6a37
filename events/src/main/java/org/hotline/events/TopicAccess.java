package org.hotline.events;

import java.util.ArrayList;
import java.util.List;

/**
 * Who may do what on the hotline's {@link Topics}, where the broker checks it: the ACLs of the
 * 3-broker compose cluster (its {@code kafka-acls} container runs {@link #main}) and the
 * KafkaUsers of a Kubernetes cluster (deploy/README.md). Each service is one principal, named like
 * the service and its consumer group. It writes only the topics it publishes, so a stolen
 * intake-service login cannot forge a case event; it reads the topics it consumes, with its own
 * group, and nothing else.
 */
public final class TopicAccess {

    public static final String INTAKE_SERVICE = "intake-service";
    public static final String CASE_SERVICE = "case-service";
    public static final String STATS_SERVICE = "stats-service";

    /**
     * One service's rights. {@code writes}: the topics it publishes (its outbox, its dead letters).
     * {@code reads}: the topics it consumes, through its group or, for the erasure ledger and its
     * dead letters, without one. {@code describes}: topics and groups whose offsets it may only
     * look at (stats-service's dashboard shows every group's lag and every dead-letter topic).
     */
    public record ServiceAccess(String principal, List<String> writes, List<String> reads,
            List<String> describedTopics, List<String> describedGroups) {

        public ServiceAccess {
            writes = List.copyOf(writes);
            reads = List.copyOf(reads);
            describedTopics = List.copyOf(describedTopics);
            describedGroups = List.copyOf(describedGroups);
        }

        /** The consumer group it reads with: its own name (each service's {@code group.id}). */
        public String group() {
            return principal;
        }
    }

    private TopicAccess() {
    }

    /** Every service's rights. */
    public static List<ServiceAccess> services() {
        return List.of(
                new ServiceAccess(INTAKE_SERVICE,
                        List.of(Topics.CONTACTS, Topics.ERASURES, Topics.INTAKE_SERVICE_DEAD_LETTERS),
                        List.of(Topics.CASES, Topics.ERASURES, Topics.INTAKE_SERVICE_DEAD_LETTERS),
                        List.of(), List.of()),
                new ServiceAccess(CASE_SERVICE,
                        List.of(Topics.CASES, Topics.CASE_SERVICE_DEAD_LETTERS),
                        List.of(Topics.CONTACTS, Topics.ERASURES, Topics.CASE_SERVICE_DEAD_LETTERS),
                        List.of(), List.of()),
                new ServiceAccess(STATS_SERVICE,
                        List.of(Topics.STATS_SERVICE_DEAD_LETTERS),
                        List.of(Topics.CONTACTS, Topics.CASES, Topics.STATS_SERVICE_DEAD_LETTERS),
                        List.of(Topics.CASE_SERVICE_DEAD_LETTERS, Topics.INTAKE_SERVICE_DEAD_LETTERS),
                        List.of(CASE_SERVICE, INTAKE_SERVICE)));
    }

    /**
     * Prints, one ACL a line, the arguments of Kafka's {@code kafka-acls.sh --add} that grant
     * {@link #services()} ({@code --allow-principal User:NAME --operation OP --topic T ...}), so that
     * a shell (the compose cluster's kafka-acls container) grants exactly these rights. Nothing is
     * quoted: no name holds a space.
     */
    public static void main(String[] args) {
        aclArguments().forEach(System.out::println);
    }

    /** The {@code kafka-acls.sh --add} arguments, one string per principal, operation and resource kind. */
    public static List<String> aclArguments() {
        List<String> lines = new ArrayList<>();
        for (ServiceAccess service : services()) {
            String principal = "--allow-principal User:" + service.principal();
            lines.add(principal + " --operation Write" + each("--topic", service.writes()));
            lines.add(principal + " --operation Read" + each("--topic", service.reads()));
            lines.add(principal + " --operation Read --group " + service.group());
            if (!service.describedTopics().isEmpty()) {
                lines.add(principal + " --operation Describe" + each("--topic", service.describedTopics()));
            }
            if (!service.describedGroups().isEmpty()) {
                lines.add(principal + " --operation Describe" + each("--group", service.describedGroups()));
            }
        }
        return lines;
    }

    private static String each(String option, List<String> names) {
        StringBuilder arguments = new StringBuilder();
        names.forEach(name -> arguments.append(' ').append(option).append(' ').append(name));
        return arguments.toString();
    }
}
