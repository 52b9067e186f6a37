package org.hotline.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One packaged service running as its own process, as in production: {@code java -jar
 * quarkus-run.jar}. It can be stopped (SIGTERM), killed (SIGKILL) and started again on the same
 * port, appending to the same log.
 */
public final class ServiceProcess {

    /** Enough for a start-up failure's exception and its causes, not a whole start. */
    private static final int LOG_LINES_SHOWN = 20;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final Supplier<Map<String, String>> environment;
    private final Path workingDirectory;
    private final String heap;
    private final List<String> jvmOptions;
    private final JavaProcess process;
    private final ClassDataArchive classData;
    private final boolean firstInstance;
    private Map<String, String> overrides = Map.of();
    private boolean detached;
    private Duration timeout = Duration.ofSeconds(90);

    public ServiceProcess(String name, Path repoRoot, Path stackHome, Path log, int port,
            Supplier<Map<String, String>> environment, String heap, List<String> jvmOptions) {
        this(name, name, repoRoot, stackHome, log, port, environment, heap, jvmOptions);
    }

    /**
     * One instance of a service module: {@code instance} names this JVM (its marker, its log, the
     * console), so that a second instance of the same module runs beside the first.
     */
    public ServiceProcess(String module, String instance, Path repoRoot, Path stackHome, Path log, int port,
            Supplier<Map<String, String>> environment, String heap, List<String> jvmOptions) {
        this.name = instance;
        this.jar = repoRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        this.port = port;
        this.environment = environment;
        // Not the repository root: from there Quarkus would also read a developer's .env file.
        this.workingDirectory = stackHome;
        this.heap = heap;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.process = new JavaProcess(stackHome, instance, log);
        this.classData = new ClassDataArchive(stackHome, module, jar);
        this.firstInstance = module.equals(instance);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Path jar() {
        return jar;
    }

    public Path log() {
        return process.log();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** What it is started with: the stack's configuration of this service, its port included. */
    public Map<String, String> environment() {
        return Map.copyOf(withPort());
    }

    public JavaProcess process() {
        return process;
    }

    public boolean isRunning() {
        return process.isRunning();
    }

    /**
     * Settings over the stack's own, from the next start on, until changed again ({@code Map.of()}
     * for none): a system test starts one service with one setting changed and restores it after.
     */
    public synchronized void override(Map<String, String> settings) {
        this.overrides = Map.copyOf(settings);
    }

    /** Starts the JVM unless it runs, without waiting; see {@link #awaitReady()}. */
    public synchronized void launch(boolean detached, Duration timeout) {
        this.detached = detached;
        this.timeout = timeout;
        if (isRunning()) {
            return;
        }
        if (!Files.isRegularFile(jar)) {
            throw new StackFailure(jar + " is missing: package the services first (./stack up --build)");
        }
        List<String> options = new java.util.ArrayList<>(List.of("-Xmx" + heap));
        options.addAll(classData.options(firstInstance));
        options.addAll(jvmOptions);
        process.start(options, List.of("-jar", jar.toString()),
                withPort(), workingDirectory, detached);
    }

    /** How {@link #start()} launches it before its first launch: detached or not, and the startup timeout. */
    synchronized void launchWith(boolean detached, Duration timeout) {
        this.detached = detached;
        this.timeout = timeout;
    }

    /** Starts it (if it does not run) and waits until it is ready. */
    public synchronized void start() {
        launch(detached, timeout);
        awaitReady();
    }

    /** Starts it again after {@link #kill()} or {@link #stop()}; waits until it is ready. */
    public synchronized void restart() {
        if (isRunning()) {
            throw new IllegalStateException(name + " still runs");
        }
        start();
    }

    /** SIGTERM and wait until it has exited (a graceful shutdown). */
    public void stop() {
        process.stop();
    }

    public void close() {
        stop();
    }

    /** SIGKILL, as a crash or the OOM killer would: no shutdown hook, no in-flight work finished. */
    public void kill() {
        process.kill();
    }

    /** Waits until /q/health/ready answers 200; fails at once if the process exits. */
    public void awaitReady() {
        Instant deadline = Instant.now().plus(timeout);
        while (!isReady()) {
            if (!isRunning()) {
                throw new StackFailure(name + " exited during startup; its log is " + log() + ", ending with:"
                        + System.lineSeparator() + process.logTail(LOG_LINES_SHOWN));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StackFailure(name + " was not ready at " + baseUrl() + "/q/health/ready after "
                        + timeout.toSeconds() + " s; its log is " + log() + ", ending with:"
                        + System.lineSeparator() + process.logTail(LOG_LINES_SHOWN));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackFailure("interrupted", e);
            }
        }
    }

    public boolean isReady() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private synchronized Map<String, String> withPort() {
        Map<String, String> all = new java.util.HashMap<>(environment.get());
        all.putAll(overrides);
        all.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        return all;
    }
}
