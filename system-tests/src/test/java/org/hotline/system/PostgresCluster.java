package org.hotline.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.Awaitility;

/**
 * A private PostgreSQL cluster from the machine's server binaries that a test can crash: SIGKILL
 * of the postmaster and its backends, then a start on the same port and data, which runs crash
 * recovery as after a power cut of the database alone. As root the binaries run as
 * {@code postgres}: PostgreSQL refuses to run as root.
 */
final class PostgresCluster implements AutoCloseable {

    private final Path dataDir;
    private final Path socketDir;
    private final Path log;
    private final Path bin;
    private final int port;
    private boolean running;

    private PostgresCluster(Path baseDir, Path log) {
        this.dataDir = baseDir.toAbsolutePath().resolve("data");
        this.socketDir = baseDir.toAbsolutePath().resolve("socket");
        this.log = log.toAbsolutePath();
        this.bin = serverBinaries();
        this.port = freePort();
    }

    static PostgresCluster start(Path baseDir, Path logDir) {
        PostgresCluster cluster = new PostgresCluster(baseDir, logDir.resolve("postgres.log"));
        cluster.init();
        cluster.startServer();
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
        return cluster;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    String user() {
        return "postgres";
    }

    int port() {
        return port;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user(), "");
    }

    void createDatabases(String... names) {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            for (String name : names) {
                statement.execute("create database \"" + name + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create databases on port " + port, e);
        }
    }

    /** SIGKILL to the postmaster and every backend: nothing is flushed or shut down cleanly. */
    synchronized void kill() {
        Optional<ProcessHandle> postmaster = postmaster();
        postmaster.ifPresent(handle -> {
            List<ProcessHandle> backends = handle.descendants().toList();
            handle.destroyForcibly();
            backends.forEach(ProcessHandle::destroyForcibly);
            Awaitility.await("postgres processes gone").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> !handle.isAlive() && backends.stream().noneMatch(ProcessHandle::isAlive));
        });
        running = false;
    }

    /** Starts the server again on the same port and data; PostgreSQL recovers from its WAL. */
    synchronized void restart() {
        startServer();
    }

    @Override
    public synchronized void close() {
        if (running) {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"), true);
            running = false;
        }
    }

    private Optional<ProcessHandle> postmaster() {
        try {
            String pid = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip();
            return ProcessHandle.of(Long.parseLong(pid));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private void init() {
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(socketDir);
            Files.createDirectories(log.getParent());
            if (isRoot()) {
                run(List.of("chown", "-R", "postgres:postgres", dataDir.getParent().toString()), false);
                Files.deleteIfExists(log);
                Files.createFile(log);
                run(List.of("chown", "postgres:postgres", log.toString()), false);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", "postgres",
                "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"), true);
    }

    private void startServer() {
        // After a kill the old shared memory may linger a moment; pg_ctl then fails and is tried again.
        Awaitility.await("postgres started").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> {
                    run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-l", log.toString(),
                            "-w", "-o", "-p " + port + " -k " + socketDir + " -c listen_addresses=127.0.0.1"
                                    + " -c max_connections=300", "start"), true);
                    return true;
                });
        running = true;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command, boolean asServerUser) {
        List<String> full = new ArrayList<>();
        if (asServerUser && isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("failed: " + String.join(" ", full) + "\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + full, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path serverBinaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(
                            b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL server binaries not found under /usr/lib/postgresql;"
                    + " install them with: apt-get install -y postgresql", e);
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
