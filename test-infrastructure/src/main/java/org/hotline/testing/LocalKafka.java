package org.hotline.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.hotline.events.EventJson;
import org.hotline.events.HotlineEvent;
import org.hotline.events.Topics;
import org.hotline.stack.TopicSetup;

/**
 * A real single-node KRaft broker inside the test JVM, from Kafka's own test kit, with the
 * hotline's topics created up front. Replication factors are 1: with the kit's default of 3 a
 * consumer group never forms on one broker.
 */
public final class LocalKafka implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private LocalKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static LocalKafka start(Path baseDir) {
        try {
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(baseDir.toAbsolutePath())
                    .build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "6")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "false")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            LocalKafka kafka = new LocalKafka(cluster);
            kafka.createTopics();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
            return kafka;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the Kafka test broker", e);
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Creates the topics of the contract as the launcher does, so no consumer waits on auto-creation. */
    public void createTopics() {
        try (Admin admin = admin()) {
            TopicSetup.apply(admin, Topics.Replication.SINGLE_BROKER);
        }
    }

    /**
     * Publishes the events in this order through one producer, as their service would: each to
     * its topic, keyed by its partition key, and acknowledged by the broker before this returns.
     */
    public void publish(List<? extends HotlineEvent> events) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            for (HotlineEvent event : events) {
                producer.send(new ProducerRecord<>(event.topic(), event.partitionKey(), EventJson.write(event))).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to the test broker", e);
        }
    }

    public Admin admin() {
        Properties properties = new Properties();
        properties.putAll(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
        return Admin.create(properties);
    }

    @Override
    public synchronized void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            // Best effort at JVM exit; the folder is under target/ and goes with it.
        }
    }
}
