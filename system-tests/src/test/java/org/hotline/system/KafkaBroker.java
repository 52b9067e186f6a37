package org.hotline.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.awaitility.Awaitility;
import org.hotline.events.Topics;
import org.hotline.testing.HotlineTopics;

/**
 * A single-node KRaft broker in its own JVM ({@code kafka.Kafka}), so that a test can SIGKILL it
 * as a crash would, and start it again on the same ports and log folder. The classpath is the
 * test's own (written by the build to {@code target/test.classpath}), which holds the broker.
 */
final class KafkaBroker implements AutoCloseable {

    private static final Duration READY = Duration.ofSeconds(90);

    private final Path dir;
    private final Path properties;
    private final Path log;
    private final int port;
    private final int controllerPort;
    private Process process;

    private KafkaBroker(Path dir, Path log) {
        this.dir = dir.toAbsolutePath();
        this.properties = this.dir.resolve("server.properties");
        this.log = log;
        this.port = freePort();
        this.controllerPort = freePort();
    }

    /** Formats a fresh log folder, starts the broker and creates every topic of the contract. */
    static KafkaBroker start(Path dir, Path logDir) {
        KafkaBroker broker = new KafkaBroker(dir, logDir.resolve("kafka.log"));
        broker.format();
        broker.startProcess();
        broker.createTopics(Topics.all());
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
        return broker;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    Path log() {
        return log;
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: no clean shutdown, the log folder is recovered on the next start. */
    synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitForExit(process);
        }
    }

    /** Starts the broker again on the same ports and data, after {@link #kill()} or {@link #close()}. */
    synchronized void restart() {
        if (isRunning()) {
            throw new IllegalStateException("the broker still runs");
        }
        startProcess();
    }

    @Override
    public synchronized void close() {
        if (isRunning()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private void format() {
        try {
            Files.createDirectories(dir.resolve("data"));
            Files.createDirectories(log.getParent());
            Files.writeString(properties, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                    "log.dirs=" + dir.resolve("data"),
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=6",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "auto.create.topics.enable=false",
                    ""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
        runToEnd(List.of("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", properties.toString(),
                "--standalone"));
    }

    private void startProcess() {
        try {
            ProcessBuilder builder = new ProcessBuilder(java("kafka.Kafka", properties.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Kafka broker", e);
        }
        Awaitility.await("Kafka broker ready").atMost(READY).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited; see " + log);
            }
            return answers();
        });
    }

    private boolean answers() {
        try (Admin admin = admin()) {
            return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    void createTopics(List<String> names) {
        try (Admin admin = admin()) {
            HotlineTopics.create(admin, names);
        }
    }

    Admin admin() {
        Properties config = new Properties();
        config.putAll(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000"));
        return Admin.create(config);
    }

    private void runToEnd(List<String> mainAndArgs) {
        try {
            Process tool = new ProcessBuilder(java(mainAndArgs.toArray(String[]::new)))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (!tool.waitFor(60, TimeUnit.SECONDS) || tool.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", mainAndArgs) + " failed; see " + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> java(String... mainAndArgs) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m", "-Xmx384m", "-cp", classpath()));
        command.addAll(List.of(mainAndArgs));
        return command;
    }

    /** The test classpath as the build resolved it: under failsafe, java.class.path is only a booter jar. */
    private static String classpath() {
        Path file = RunningHotline.Hotline.repoRoot().resolve("system-tests/target/test.classpath");
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new IllegalStateException(file + " is missing: the build writes it (maven-dependency-plugin)", e);
        }
    }

    private static void waitForExit(Process process) {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
