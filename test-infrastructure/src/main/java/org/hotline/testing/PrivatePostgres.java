package org.hotline.testing;

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
 * A throw-away PostgreSQL cluster from the machine's own server binaries: initdb into a folder,
 * start on a free port, stop and forget. PostgreSQL refuses to run as root, so as root the
 * binaries run as the {@code postgres} user.
 */
public final class PrivatePostgres implements AutoCloseable {

    private final Path dataDir;
    private final Path socketDir;
    private final Path bin;
    private final int port;
    private boolean running;

    private PrivatePostgres(Path baseDir, Path bin, int port) {
        this.dataDir = baseDir.resolve("data");
        this.socketDir = baseDir.resolve("socket");
        this.bin = bin;
        this.port = port;
    }

    /** Initialises and starts a cluster under {@code baseDir}, which must not exist yet or be empty. */
    public static PrivatePostgres start(Path baseDir) {
        PrivatePostgres postgres = new PrivatePostgres(baseDir.toAbsolutePath(), serverBinaries(), freePort());
        postgres.initAndStart();
        return postgres;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String user() {
        return "postgres";
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user(), "");
    }

    /**
     * SIGKILL to the postmaster and every backend, as in a crash of the database alone: nothing
     * is flushed or shut down cleanly. {@link #restart()} then runs crash recovery.
     */
    public synchronized void kill() {
        postmaster().ifPresent(handle -> {
            List<ProcessHandle> backends = handle.descendants().toList();
            handle.destroyForcibly();
            backends.forEach(ProcessHandle::destroyForcibly);
            Awaitility.await("postgres processes gone").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> !handle.isAlive() && backends.stream().noneMatch(ProcessHandle::isAlive));
        });
        running = false;
    }

    /** Starts the server again on the same port and data; after a kill PostgreSQL recovers from its WAL. */
    public synchronized void restart() {
        startServer();
    }

    /** Creates each database that does not exist yet. */
    public void createDatabases(String... names) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), user(), "");
             Statement statement = connection.createStatement()) {
            for (String name : names) {
                try (var rs = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                    if (rs.next()) {
                        continue;
                    }
                }
                statement.execute("create database \"" + name + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create databases on port " + port, e);
        }
    }

    @Override
    public synchronized void close() {
        if (running) {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"));
            running = false;
        }
    }

    private void initAndStart() {
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(socketDir);
            handToServerUser(dataDir.getParent());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", "postgres",
                "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"));
        startServer();
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
    }

    private void startServer() {
        // After a kill the old shared memory may linger a moment: pg_ctl then fails and is tried again.
        Awaitility.await("postgres started").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> {
                    run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(),
                            "-l", dataDir.getParent().resolve("postgres.log").toString(), "-w",
                            "-o", "-p " + port + " -k " + socketDir + " -c listen_addresses=127.0.0.1"
                                    + " -c fsync=off -c max_connections=300",
                            "start"));
                    return true;
                });
        running = true;
    }

    private Optional<ProcessHandle> postmaster() {
        try {
            String pid = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip();
            return ProcessHandle.of(Long.parseLong(pid));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void handToServerUser(Path dir) {
        if (isRoot()) {
            run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
        }
    }

    private static void run(List<String> command) {
        run(command, isRoot());
    }

    private static void run(List<String> command, boolean asServerUser) {
        List<String> full = new ArrayList<>();
        if (asServerUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("failed: " + String.join(" ", full) + "\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + full, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The newest installed server version's bin folder, e.g. /usr/lib/postgresql/15/bin. */
    static Path serverBinaries() {
        Path root = Path.of(System.getenv().getOrDefault("PG_BINARIES_ROOT", "/usr/lib/postgresql"));
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(PrivatePostgres::notInstalled);
        } catch (IOException e) {
            throw notInstalled();
        }
    }

    private static IllegalStateException notInstalled() {
        return new IllegalStateException("PostgreSQL server binaries not found under /usr/lib/postgresql;"
                + " install them with: apt-get install -y postgresql");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
