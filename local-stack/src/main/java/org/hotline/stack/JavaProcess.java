package org.hotline.stack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One JVM of the stack (the broker or a service). It carries two marker properties on its
 * command line, the stack's home folder and the part's name, so that it is found again from
 * any later {@code ./stack} call through {@link ProcessHandle}, with no PID file that could go
 * stale or point at a reused PID.
 */
public final class JavaProcess {

    private static final Duration GRACE = Duration.ofSeconds(30);
    /** How much of a log's end {@link #logTail} reads. */
    private static final int TAIL_BYTES = 64 * 1024;

    private final Path home;
    private final String part;
    private final Path log;

    public JavaProcess(Path home, String part, Path log) {
        this.home = home.toAbsolutePath().normalize();
        this.part = part;
        this.log = log;
    }

    public Path log() {
        return log;
    }

    /**
     * The last lines of its log, for a failure message: a part that dies in CI leaves its log on a
     * machine nobody can open afterwards, so the reason has to travel in the message itself.
     */
    public String logTail(int lines) {
        // Only the end is read: a benchmark's logs run to hundreds of megabytes.
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - TAIL_BYTES);
            byte[] end = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(end);
            List<String> all = new String(end, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(its log could not be read: " + e.getMessage() + ")";
        }
    }

    /** The running JVM of this part, if any. */
    public Optional<ProcessHandle> find() {
        String stackMarker = stackMarker();
        String partMarker = "-Dhotline.stack.part=" + part;
        return ProcessHandle.allProcesses()
                .filter(p -> {
                    List<String> args = arguments(p);
                    return args.contains(stackMarker) && args.contains(partMarker);
                })
                .findFirst();
    }

    /**
     * A process's arguments, from /proc on Linux: {@link ProcessHandle.Info#arguments()} comes back
     * empty there for a command line as long as the broker's classpath.
     */
    static List<String> arguments(ProcessHandle process) {
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            return Arrays.asList(new String(Files.readAllBytes(cmdline), java.nio.charset.StandardCharsets.UTF_8)
                    .split("\u0000"));
        } catch (IOException | RuntimeException e) {
            return process.info().arguments().map(Arrays::asList).orElse(List.of());
        }
    }

    public boolean isRunning() {
        return find().isPresent();
    }

    /**
     * Starts {@code java [jvmOptions] [command]}, appending its output to the log. A detached
     * process gets a session of its own ({@code setsid}), so that it outlives the launcher and a
     * Ctrl-C in the launcher's terminal does not reach it.
     */
    public ProcessHandle start(List<String> jvmOptions, List<String> command, Map<String, String> environment,
            Path workingDirectory, boolean detached) {
        // Start() returns once the child has exec'd, so the handle is the JVM itself.
        return launch(jvmOptions, command, environment, workingDirectory, detached).toHandle();
    }

    /**
     * Starts it attached, as {@link #start} does, for a caller that waits for it to end and reads
     * its exit status (a service that must refuse to start).
     */
    public Process startAttached(List<String> jvmOptions, List<String> command, Map<String, String> environment,
            Path workingDirectory) {
        return launch(jvmOptions, command, environment, workingDirectory, false);
    }

    /**
     * Starts it as {@link #start} does, detached or not, and hands back the {@code Process}, for a
     * caller that reads its exit status while this launcher runs (Keycloak exits 10 to be started again).
     */
    public Process startWatched(List<String> jvmOptions, List<String> command, Map<String, String> environment,
            Path workingDirectory, boolean detached) {
        return launch(jvmOptions, command, environment, workingDirectory, detached);
    }

    private Process launch(List<String> jvmOptions, List<String> command, Map<String, String> environment,
            Path workingDirectory, boolean detached) {
        List<String> full = new ArrayList<>();
        if (detached && new File("/usr/bin/setsid").canExecute()) {
            full.add("/usr/bin/setsid");
        }
        full.add(javaBinary());
        full.add(stackMarker());
        full.add("-Dhotline.stack.part=" + part);
        full.addAll(jvmOptions);
        full.addAll(command);
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(workingDirectory);
            ProcessBuilder builder = new ProcessBuilder(full)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            // Only what the stack passes on configures the part: never a stray variable of the caller's shell.
            builder.environment().keySet().removeIf(JavaProcess::configuresAPart);
            builder.environment().putAll(environment);
            return builder.start();
        } catch (IOException e) {
            throw new StackFailure("cannot start " + part + ": " + e.getMessage(), e);
        }
    }

    /** SIGTERM, then waits for the exit; SIGKILL if it takes longer than the grace period. */
    public boolean stop() {
        return find().map(process -> {
            process.destroy();
            if (!waitForExit(process, GRACE)) {
                process.destroyForcibly();
                waitForExit(process, GRACE);
                return false;
            }
            return true;
        }).orElse(true);
    }

    /** SIGKILL, as a crash or the OOM killer would: nothing is shut down cleanly. */
    public void kill() {
        find().ifPresent(process -> {
            process.destroyForcibly();
            waitForExit(process, GRACE);
        });
    }

    private static boolean waitForExit(ProcessHandle process, Duration deadline) {
        try {
            process.onExit().get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static boolean configuresAPart(String variable) {
        return variable.startsWith("QUARKUS_") || variable.startsWith("HOTLINE_") || variable.startsWith("KAFKA_")
                || variable.startsWith("MP_") || variable.startsWith("SMALLRYE_") || variable.startsWith("KC_");
    }

    private String stackMarker() {
        return "-Dhotline.stack=" + home;
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
