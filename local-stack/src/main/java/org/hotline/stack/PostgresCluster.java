package org.hotline.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster from the machine's own server binaries, for the local stack and
 * for tests alike. PostgreSQL refuses to run as root, so as root its programs run as the
 * {@code postgres} user, and the cluster lives where that user can reach it: a folder of its own
 * under {@code /var/tmp/hotline-postgres}, named after the stack that owns it, mode 700. A clone
 * in a private folder (root's home, {@code mktemp -d}) therefore works, and the data stays
 * readable by nobody but the server.
 */
public final class PostgresCluster {

    private static final Path SHARED_PARENT = Path.of("/var/tmp/hotline-postgres");
    private static final String USER = "postgres";

    private final Path home;
    private final Path bin;
    private final int port;
    private final boolean throwaway;

    private PostgresCluster(Path home, Path bin, int port, boolean throwaway) {
        this.home = home;
        this.bin = bin;
        this.port = port;
        this.throwaway = throwaway;
    }

    /**
     * The cluster that belongs to {@code owner} (a stack's or a test run's folder). A throw-away
     * cluster trades durability for speed (no fsync) and is deleted by {@link #delete()}.
     */
    public static PostgresCluster of(Path owner, int port, boolean throwaway) {
        Path absolute = owner.toAbsolutePath().normalize();
        Path home = isRoot() ? SHARED_PARENT.resolve(nameFor(absolute)) : absolute.resolve("postgres");
        return new PostgresCluster(home, serverBinaries(), port, throwaway);
    }

    /** Initialises (once) and starts a throw-away cluster, deleted when the JVM exits: for tests. */
    public static PostgresCluster startThrowaway(Path owner) {
        PostgresCluster cluster = of(owner, Ports.free().postgres(), true);
        cluster.start();
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::delete));
        return cluster;
    }

    public Path home() {
        return home;
    }

    public Path log() {
        return home.resolve("postgres.log");
    }

    /** The port it was asked to use; while it runs, {@link #runningPort()} is the truth. */
    public int port() {
        return port;
    }

    public String user() {
        return USER;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + runningPort().orElse(port) + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, "");
    }

    /** The postmaster, read from its own postmaster.pid and checked to be alive and ours. */
    public Optional<ProcessHandle> postmaster() {
        return postmasterLines().flatMap(lines -> ProcessHandle.of(Long.parseLong(lines.get(0).strip())))
                .filter(p -> String.join(" ", JavaProcess.arguments(p)).contains(dataDir().toString()));
    }

    public boolean isRunning() {
        return postmaster().isPresent();
    }

    /** The port the running server listens on, from postmaster.pid. */
    public Optional<Integer> runningPort() {
        if (!isRunning()) {
            return Optional.empty();
        }
        return postmasterLines().filter(lines -> lines.size() > 3).map(lines -> Integer.parseInt(lines.get(3).strip()));
    }

    /** Initialises the cluster if it has never been, then starts it; waits until it accepts connections. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        if (!Files.isRegularFile(dataDir().resolve("PG_VERSION"))) {
            initialise();
        }
        // After a kill the old shared memory may linger a moment: pg_ctl then fails and is tried again.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            try {
                runAsServer(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir().toString(), "-l", log().toString(),
                        "-w", "-t", "120", "-o", serverOptions(), "start"));
                return;
            } catch (StackFailure e) {
                if (Instant.now().isAfter(deadline) || !Files.isRegularFile(dataDir().resolve("PG_VERSION"))) {
                    throw new StackFailure("PostgreSQL did not start; its log is " + log() + "\n" + e.getMessage(), e);
                }
                pause(Duration.ofMillis(500));
            }
        }
    }

    /** Alias of {@link #start()}: after a kill PostgreSQL recovers from its WAL. */
    public void restart() {
        start();
    }

    /** A fast shutdown: open transactions are rolled back, the data stays. */
    public synchronized void stop() {
        if (isRunning()) {
            runAsServer(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir().toString(), "-m", "fast", "-w",
                    "-t", "60", "stop"));
        }
    }

    /** Alias of {@link #stop()}. */
    public void close() {
        stop();
    }

    /**
     * SIGKILL to the postmaster and every backend, as in a crash of the database alone: nothing
     * is flushed or shut down cleanly. {@link #restart()} then runs crash recovery.
     */
    public synchronized void kill() {
        postmaster().ifPresent(postmaster -> {
            List<ProcessHandle> backends = postmaster.descendants().toList();
            postmaster.destroyForcibly();
            backends.forEach(ProcessHandle::destroyForcibly);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while ((postmaster.isAlive() || backends.stream().anyMatch(ProcessHandle::isAlive))
                    && Instant.now().isBefore(deadline)) {
                pause(Duration.ofMillis(100));
            }
        });
    }

    /** Stops the server and removes its folder with all data. */
    public synchronized void delete() {
        try {
            stop();
        } catch (RuntimeException e) {
            kill();
        }
        if (Files.exists(home)) {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new StackFailure("cannot delete " + home + ": " + e.getMessage(), e);
            }
        }
    }

    /** Creates each database that does not exist yet, owned by the superuser: for scratch databases (the benchmark's). */
    public void createDatabases(String... names) {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            for (String name : names) {
                if (!exists(statement, "select 1 from pg_database where datname = '" + name + "'")) {
                    statement.execute("create database \"" + name + "\"");
                }
            }
        } catch (SQLException e) {
            throw new StackFailure("cannot create databases on port " + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates (or brings up to date) a service's database and its two login roles: the owner, who
     * owns the database and runs the migrations, and the runtime role, who may connect and nothing
     * more until the migrations grant it rows. Idempotent; the passwords are set again each time. A
     * database made by an older stack, owned by the superuser, is handed over to its owner, tables
     * and all, so that the owner can migrate it.
     */
    public void createServiceDatabase(ServiceDatabase database) {
        String name = database.name();
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            loginRole(statement, database.owner(), database.ownerPassword());
            loginRole(statement, database.runtimeRole(), database.runtimePassword());
            if (exists(statement, "select 1 from pg_database where datname = '" + name + "'")) {
                statement.execute("alter database \"" + name + "\" owner to \"" + database.owner() + "\"");
            } else {
                statement.execute("create database \"" + name + "\" owner \"" + database.owner() + "\"");
            }
            // By default every role may connect to every database: only this service's roles may.
            statement.execute("revoke connect, temporary on database \"" + name + "\" from public");
            statement.execute("grant connect on database \"" + name + "\" to \"" + database.runtimeRole() + "\"");
        } catch (SQLException e) {
            throw new StackFailure("cannot create database " + name + " on port " + port + ": " + e.getMessage(), e);
        }
        try (Connection connection = connect(name); Statement statement = connection.createStatement()) {
            // Tables an older stack created as the superuser (an identity's sequence follows its table).
            statement.execute("""
                    do $$
                    declare t record;
                    begin
                      for t in select tablename from pg_tables where schemaname = 'public' and tableowner <> '%1$s' loop
                        execute format('alter table public.%%I owner to %%I', t.tablename, '%1$s');
                      end loop;
                    end $$""".formatted(database.owner()));
        } catch (SQLException e) {
            throw new StackFailure("cannot hand database " + name + " to " + database.owner() + ": " + e.getMessage(), e);
        }
    }

    /** A login role that is not a superuser and may create neither roles nor databases. */
    private static void loginRole(Statement statement, String role, String password) throws SQLException {
        String verb = exists(statement, "select 1 from pg_roles where rolname = '" + role + "'") ? "alter" : "create";
        statement.execute(verb + " role \"" + role + "\" login nosuperuser nocreatedb nocreaterole password '"
                + password.replace("'", "''") + "'");
    }

    private static boolean exists(Statement statement, String query) throws SQLException {
        try (var rs = statement.executeQuery(query)) {
            return rs.next();
        }
    }

    /** A connection as another role, e.g. a service's runtime role, to see what that role may do. */
    public Connection connect(String database, String role, String password) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), role, password);
    }

    private void initialise() {
        try {
            if (isRoot()) {
                Files.createDirectories(SHARED_PARENT);
                // Others may pass through to a cluster's folder, but not list which stacks exist.
                Files.setPosixFilePermissions(SHARED_PARENT, PosixFilePermissions.fromString("rwx--x--x"));
            }
            Files.createDirectories(home);
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
            if (isRoot()) {
                run(List.of("chown", "-R", USER + ":" + USER, home.toString()), false);
            }
        } catch (IOException e) {
            throw new StackFailure("cannot prepare " + home + ": " + e.getMessage(), e);
        }
        List<String> initdb = new ArrayList<>(List.of(bin.resolve("initdb").toString(), "-D", dataDir().toString(),
                "-U", USER, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"));
        if (throwaway) {
            initdb.add("--no-sync");
        }
        runAsServer(initdb);
        runAsServer(List.of("mkdir", "-p", socketDir().toString()));
    }

    private String serverOptions() {
        String options = "-p " + port + " -k " + socketDir() + " -c listen_addresses=127.0.0.1 -c max_connections=300";
        // fsync=off survives a killed server (the kernel still holds the writes), which is all a test
        // kills; synchronous_commit stays on, or a SIGKILL loses transactions already answered 2xx.
        return throwaway ? options + " -c fsync=off" : options;
    }

    private Path dataDir() {
        return home.resolve("data");
    }

    private Path socketDir() {
        return home.resolve("socket");
    }

    private Optional<List<String>> postmasterLines() {
        try {
            List<String> lines = Files.readAllLines(dataDir().resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : Optional.of(lines);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void runAsServer(List<String> command) {
        run(command, isRoot());
    }

    private static void run(List<String> command, boolean asServerUser) {
        List<String> full = new ArrayList<>();
        if (asServerUser) {
            full.addAll(List.of("runuser", "-u", USER, "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new StackFailure("failed: " + String.join(" ", full) + "\n" + output.strip());
            }
        } catch (IOException e) {
            throw new StackFailure("cannot run " + full + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackFailure("interrupted: " + full, e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackFailure("interrupted", e);
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** A folder name that is the same for the same owner folder, and different for any other. */
    private static String nameFor(Path owner) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(owner.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The newest installed server version's bin folder, e.g. /usr/lib/postgresql/15/bin. */
    public static Path serverBinaries() {
        Path root = Path.of(System.getenv().getOrDefault("PG_BINARIES_ROOT", "/usr/lib/postgresql"));
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString()
                            .replaceAll("\\D", "0"))))
                    .orElseThrow(PostgresCluster::notInstalled);
        } catch (IOException e) {
            throw notInstalled();
        }
    }

    private static StackFailure notInstalled() {
        return new StackFailure("no PostgreSQL server binaries under /usr/lib/postgresql; install them with: "
                + (isRoot() ? "" : "sudo ") + "apt-get install -y postgresql (./stack up does it when run as root)");
    }
}
