package org.hotline.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/**
 * One packaged service running as its own process, as in production: {@code java -jar quarkus-run.jar}.
 * It can be stopped (SIGTERM), killed (SIGKILL) and started again on the same port, appending to
 * the same log.
 */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final Path log;
    private final int port;
    private final Map<String, String> environment;
    private Process process;

    ServiceProcess(String name, Path repoRoot, Path logDir, int port, Map<String, String> environment) {
        this.name = name;
        this.jar = repoRoot.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        this.log = logDir.resolve(name + ".log");
        this.port = port;
        this.environment = environment;
    }

    String name() {
        return name;
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** SIGKILL, as a crash or the OOM killer would: no shutdown hook, no in-flight work finished. */
    synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitForExit(Duration.ofSeconds(30));
        }
    }

    /** SIGTERM and wait until it has exited (a graceful shutdown). */
    synchronized void stop() {
        close();
    }

    /** Starts it again after {@link #kill()} or {@link #stop()}; waits until it is ready. */
    synchronized void restart() {
        if (isRunning()) {
            throw new IllegalStateException(name + " still runs");
        }
        start();
    }

    private void waitForExit(Duration deadline) {
        try {
            process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized void start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify does)");
        }
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(List.of(javaBinary(), "-Xmx256m", "-jar", jar.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
        Awaitility.await(name + " ready").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited; see " + log);
                    }
                    return isReady();
                });
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    Path log() {
        return log;
    }

    private boolean isReady() {
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

    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
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

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
