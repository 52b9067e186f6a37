package org.hotline.bench;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.hotline.events.Topics;
import org.hotline.stack.KafkaBroker;

/**
 * Kafka's own ceiling, from Kafka's own tools: {@code ProducerPerformance} with records of the
 * contact event's size, {@code acks=all} and idempotence (as the outbox relay sends), then
 * {@code ConsumerPerformance} reading them back, on a topic with the contact topic's partition
 * count. Each runs in a JVM of its own, so its CPU and heap are not the launcher's.
 */
final class KafkaCeiling {

    private static final Pattern PRODUCED = Pattern.compile("records sent, ([0-9.]+) records/sec");

    private final KafkaBroker kafka;
    private final String classpath;

    KafkaCeiling(KafkaBroker kafka, String classpath) {
        this.kafka = kafka;
        this.classpath = classpath;
    }

    Result run(long records, int recordBytes) {
        String topic = "bench.ceiling." + UUID.randomUUID();
        int partitions = Topics.definitions().stream().filter(t -> t.name().equals(Topics.CONTACTS)).findFirst()
                .map(Topics.Definition::partitions).orElse(6);
        createTopic(topic, partitions);
        String produced = ToolProcess.run(tool("org.apache.kafka.tools.ProducerPerformance", "--topic", topic,
                "--num-records", Long.toString(records), "--record-size", Integer.toString(recordBytes),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + kafka.bootstrapServers(), "acks=all",
                "enable.idempotence=true"), Duration.ofMinutes(10));
        Matcher rate = PRODUCED.matcher(produced);
        Optional<Double> producerRate = Optional.empty();
        while (rate.find()) {
            producerRate = Optional.of(Double.parseDouble(rate.group(1)));
        }
        String consumed = ToolProcess.run(tool("org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server",
                kafka.bootstrapServers(), "--topic", topic, "--messages", Long.toString(records), "--group",
                "bench-ceiling-" + UUID.randomUUID(), "--timeout", "60000", "--hide-header"), Duration.ofMinutes(10));
        // start.time, end.time, MB, MB.sec, nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
        String[] fields = consumed.lines().filter(l -> l.split(",").length >= 10).reduce((a, b) -> b)
                .orElseThrow(() -> new BenchFailure("ConsumerPerformance printed no figures:\n" + consumed)).split(",");
        deleteTopic(topic);
        return new Result(producerRate.orElseThrow(() -> new BenchFailure("ProducerPerformance printed no rate:\n"
                + produced)), Double.parseDouble(fields[5].strip()), Double.parseDouble(fields[9].strip()), records,
                recordBytes, partitions);
    }

    /**
     * @param consumerRecordsPerSecond      over the whole run, joining the group included
     * @param consumerFetchRecordsPerSecond over the fetching alone
     */
    record Result(double producerRecordsPerSecond, double consumerRecordsPerSecond,
            double consumerFetchRecordsPerSecond, long records, int recordBytes, int partitions) {
    }

    private List<String> tool(String mainClass, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dlog4j2.configurationFile=classpath:hotline-kafka-log4j2.xml", "-cp", classpath, mainClass));
        command.addAll(List.of(arguments));
        return command;
    }

    private void createTopic(String topic, int partitions) {
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        } catch (ExecutionException e) {
            throw new BenchFailure("cannot create the ceiling's topic: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted");
        }
    }

    private void deleteTopic(String topic) {
        try (Admin admin = kafka.admin()) {
            admin.deleteTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
            // Only space is lost: the stack folder is deleted at the end anyway.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
