package org.hotline.stack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.hotline.events.Topics;

/**
 * Brings a broker's topics in line with {@link Topics#definitions()}: creates the missing ones,
 * and sets the configuration of existing ones (a stack made before retention was fixed gets it
 * too). A partition count cannot shrink and is never changed behind the owner's back: a
 * difference is reported.
 */
public final class TopicSetup {

    /** What was found and done for one topic, in words for the console. */
    public record Outcome(String topic, String what, boolean mismatch) {
    }

    private TopicSetup() {
    }

    public static List<Outcome> apply(Admin admin, Topics.Replication replication) {
        List<Outcome> outcomes = new ArrayList<>();
        try {
            Set<String> existing = admin.listTopics().names().get();
            for (Topics.Definition topic : Topics.definitions()) {
                if (!existing.contains(topic.name())) {
                    create(admin, topic, replication);
                    outcomes.add(new Outcome(topic.name(), "created with " + topic.partitions() + " partitions", false));
                } else {
                    outcomes.add(align(admin, topic));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackFailure("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new StackFailure("cannot create the topics: " + e.getCause().getMessage(), e);
        }
        return outcomes;
    }

    private static void create(Admin admin, Topics.Definition topic, Topics.Replication replication)
            throws InterruptedException, ExecutionException {
        Map<String, String> config = new HashMap<>(topic.config());
        config.putAll(replication.config());
        try {
            admin.createTopics(List.of(new NewTopic(topic.name(), topic.partitions(), replication.factor())
                    .configs(config))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static Outcome align(Admin admin, Topics.Definition topic) throws InterruptedException, ExecutionException {
        TopicDescription description = admin.describeTopics(List.of(topic.name())).allTopicNames().get().get(topic.name());
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
        Config actual = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        Collection<AlterConfigOp> changes = topic.config().entrySet().stream()
                .filter(e -> actual.get(e.getKey()) == null || !e.getValue().equals(actual.get(e.getKey()).value()))
                .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                .toList();
        if (!changes.isEmpty()) {
            admin.incrementalAlterConfigs(Map.of(resource, changes)).all().get();
        }
        int partitions = description.partitions().size();
        String configured = changes.isEmpty() ? "" : ", set " + changes.stream()
                .map(c -> c.configEntry().name() + "=" + c.configEntry().value()).collect(Collectors.joining(", "));
        if (partitions != topic.partitions()) {
            return new Outcome(topic.name(), "has " + partitions + " partitions, not " + topic.partitions()
                    + configured + " (to start afresh: ./stack clean)", true);
        }
        return new Outcome(topic.name(), partitions + " partitions" + configured, false);
    }
}
