package org.hotline.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Kafka KRaft broker (combined broker and controller) in its own JVM, on the
 * launcher's classpath. Its log folder is formatted once and kept, so a restart (after a stop or
 * a SIGKILL) finds every record again.
 */
public final class KafkaBroker {

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final StackClasspath classpath;
    private final JavaProcess process;
    private final List<String> jvmOptions;

    public KafkaBroker(Path dir, Path log, int port, int controllerPort, StackClasspath classpath, Path stackHome,
            List<String> jvmOptions) {
        this.dir = dir.toAbsolutePath().normalize();
        this.jvmOptions = List.copyOf(jvmOptions);
        this.port = port;
        this.controllerPort = controllerPort;
        this.classpath = classpath;
        this.process = new JavaProcess(stackHome, "kafka", log);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path log() {
        return process.log();
    }

    public JavaProcess process() {
        return process;
    }

    public boolean isRunning() {
        return process.isRunning();
    }

    /** Formats the log folder the first time, starts the broker and waits until it answers. */
    public synchronized void start(boolean detached, Duration timeout) {
        if (isRunning()) {
            awaitReady(timeout);
            return;
        }
        writeProperties();
        if (!Files.isRegularFile(dir.resolve("data/meta.properties"))) {
            format();
        }
        List<String> options = new java.util.ArrayList<>(List.of("-Xms128m", "-Xmx512m"));
        options.addAll(jvmOptions);
        options.addAll(List.of("-Dlog4j2.configurationFile=classpath:hotline-kafka-log4j2.xml", "-cp", classpath.value()));
        process.start(options,
                List.of("kafka.Kafka", properties().toString()), Map.of(), dir, detached);
        awaitReady(timeout);
    }

    /** Starts it again on the same ports and data, after {@link #kill()} or {@link #stop()}. */
    public void restart() {
        start(false, Duration.ofSeconds(90));
    }

    /** SIGTERM: a controlled shutdown. */
    public void stop() {
        process.stop();
    }

    public void close() {
        stop();
    }

    /** SIGKILL: no clean shutdown; the log folder is recovered on the next start. */
    public void kill() {
        process.kill();
    }

    /** True when the broker describes its cluster within two seconds. */
    public boolean answers() {
        try (Admin admin = admin()) {
            return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    public Admin admin() {
        Properties config = new Properties();
        config.putAll(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000",
                // While the broker is away the client would otherwise log every reconnect attempt.
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000"));
        return Admin.create(config);
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!answers()) {
            if (!isRunning()) {
                throw new StackFailure("the Kafka broker exited during startup; its log is " + log());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StackFailure("the Kafka broker did not answer on " + bootstrapServers() + " within "
                        + timeout.toSeconds() + " s; its log is " + log());
            }
            pause();
        }
    }

    private void format() {
        try {
            Files.createDirectories(dir.resolve("data"));
            Process tool = new ProcessBuilder(JavaProcess.javaBinary(), "-Xmx256m",
                    "-Dlog4j2.configurationFile=classpath:hotline-kafka-log4j2.xml", "-cp", classpath.value(),
                    "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                    "-c", properties().toString(), "--standalone")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                    .start();
            if (!tool.waitFor(120, TimeUnit.SECONDS) || tool.exitValue() != 0) {
                throw new StackFailure("formatting the Kafka log folder " + dir + " failed; see " + log());
            }
        } catch (IOException e) {
            throw new StackFailure("cannot format the Kafka log folder: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackFailure("interrupted", e);
        }
    }

    private Path properties() {
        return dir.resolve("server.properties");
    }

    /** Written before every start, so a changed port or setting always applies. */
    private void writeProperties() {
        String controller = "127.0.0.1:" + controllerPort;
        try {
            Files.createDirectories(dir);
            Files.createDirectories(log().getParent());
            Files.writeString(properties(), String.join("\n",
                    "# Written by the launcher (local-stack's KafkaBroker) before every start.",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.bootstrap.servers=" + controller,
                    "listeners=PLAINTEXT://" + bootstrapServers() + ",CONTROLLER://" + controller,
                    "advertised.listeners=PLAINTEXT://" + bootstrapServers() + ",CONTROLLER://" + controller,
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
                    // Topics come only from org.hotline.events.Topics (TopicSetup), never by accident.
                    "auto.create.topics.enable=false",
                    ""));
        } catch (IOException e) {
            throw new StackFailure("cannot write " + properties() + ": " + e.getMessage(), e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackFailure("interrupted", e);
        }
    }
}
