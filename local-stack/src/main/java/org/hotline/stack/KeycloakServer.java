package org.hotline.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak, the example identity provider the ops dashboard signs in through, as one JVM of the
 * stack. Its server distribution comes from Maven Central like Kafka's jars: the build resolves
 * {@code org.keycloak:keycloak-quarkus-dist} and writes where the zip lies to
 * {@code local-stack/target/keycloak.path}; the first start unpacks it beside it, once. It runs in
 * Keycloak's development mode on loopback, with an in-memory database: every start imports the
 * realm afresh from {@code deploy/keycloak/} (the realm export a deployment imports too, and the
 * local-only example users), so the files in the repository are always what runs, and nothing of
 * it outlives a stop.
 */
public final class KeycloakServer {

    public static final String REALM = "hotline";
    /** The example users of deploy/keycloak/local/, one per role; all share the stack's generated password. */
    public static final List<String> EXAMPLE_USERS = List.of("analyst", "operator", "case-officer", "supervisor",
            "admin");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Keycloak's exit status for "built for these options now: start me again on what I built" (kc.sh's contract). */
    private static final int START_AGAIN = 10;

    private final Path repoRoot;
    private final Path dir;
    private final int port;
    private final JavaProcess process;
    private final List<String> jvmOptions;
    /** The start {@link #awaitReady} waits for, so it can start it again once it has built itself. */
    private PendingStart pendingStart;
    /** Held from the launch that may build a fresh distribution until that build is done. */
    private FileLock buildLock;
    private final Object buildLockGuard = new Object();

    private record PendingStart(Path distribution, Map<String, String> realm, boolean detached, Process process) {
    }

    public KeycloakServer(Path repoRoot, Path dir, Path log, int port, Path stackHome, List<String> jvmOptions) {
        this.jvmOptions = List.copyOf(jvmOptions);
        this.repoRoot = repoRoot.toAbsolutePath().normalize();
        this.dir = dir.toAbsolutePath().normalize();
        this.port = port;
        this.process = new JavaProcess(stackHome, "keycloak", log);
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The realm's URL: its issuer, and where a service discovers the rest. */
    public String realmUrl() {
        return baseUrl() + "/realms/" + REALM;
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

    /** True when the realm's discovery document is served. */
    public boolean answers() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(realmUrl() + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Starts it with the realm's placeholders filled in from {@code realm} (the dashboard's URL and
     * client secret, the example users' password, the admin console's login), without waiting:
     * it boots while the rest of the stack does. {@link #awaitReady} waits.
     */
    public synchronized void launch(Map<String, String> realm, boolean detached) {
        if (isRunning()) {
            return;
        }
        Path distribution = distribution();
        prepareImport();
        holdBuildLockUnlessBuilt(distribution);
        Process first = start(distribution, realm, detached, false);
        // Let the next launcher go as soon as the build is done, not once this whole stack is up.
        first.onExit().thenAccept(exited -> releaseBuildLock(distribution, exited.exitValue() == START_AGAIN));
        this.pendingStart = new PendingStart(distribution, realm, detached, first);
    }

    /**
     * Waits until the realm answers. Keycloak first checks that it was built for these options
     * (building itself if not, on a freshly unpacked distribution) and exits with status 10; it is
     * then started once more, on what it built, as {@code kc.sh} does.
     */
    public synchronized void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        boolean restarted = false;
        while (!answers()) {
            if (!isRunning()) {
                if (pendingStart != null && !restarted && exitStatus(pendingStart.process()) == START_AGAIN) {
                    releaseBuildLock(pendingStart.distribution(), true);
                    start(pendingStart.distribution(), pendingStart.realm(), pendingStart.detached(), true);
                    restarted = true;
                } else {
                    releaseBuildLock(null, false);
                    throw new StackFailure("Keycloak exited during startup; its log is " + log());
                }
            }
            if (Instant.now().isAfter(deadline)) {
                releaseBuildLock(null, false);
                throw new StackFailure("Keycloak did not serve the " + REALM + " realm at " + realmUrl() + " within "
                        + timeout.toSeconds() + " s; its log is " + log());
            }
            pause();
        }
        if (pendingStart != null) {
            releaseBuildLock(pendingStart.distribution(), true);
        }
        pendingStart = null;
    }

    /**
     * Keycloak builds itself into its distribution on the first start there, and two stacks that
     * start at once (the system tests run in two JVMs, each with a stack of its own) would build
     * into the same folder together. So a launcher that finds no mark of a finished build takes
     * a lock on the distribution (across processes) and holds it until its Keycloak has built
     * (or started, when it needed no build); another waits for it, then finds the mark.
     */
    private void holdBuildLockUnlessBuilt(Path distribution) {
        if (Files.exists(builtMark(distribution))) {
            return;
        }
        try {
            FileChannel channel = FileChannel.open(distribution.resolveSibling(distribution.getFileName() + ".build-lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock();
            synchronized (buildLockGuard) {
                buildLock = lock;
            }
            if (Files.exists(builtMark(distribution))) {
                releaseBuildLock(null, false);
            }
        } catch (IOException e) {
            throw new StackFailure("cannot lock Keycloak's distribution " + distribution + ": " + e.getMessage(), e);
        }
    }

    /** Lets the next launcher go, marking the distribution built when it is. */
    private void releaseBuildLock(Path distribution, boolean built) {
        synchronized (buildLockGuard) {
            if (buildLock == null) {
                return;
            }
            try {
                if (built) {
                    Files.writeString(builtMark(distribution), "built by this launcher's first start\n");
                }
                buildLock.channel().close();
            } catch (IOException e) {
                throw new StackFailure("cannot mark Keycloak's distribution built: " + e.getMessage(), e);
            } finally {
                buildLock = null;
            }
        }
    }

    private static Path builtMark(Path distribution) {
        return distribution.resolve(".hotline-built");
    }

    /** SIGTERM, as for every part; returns false if it had to be killed. */
    public boolean stop() {
        return process.stop();
    }

    private Process start(Path distribution, Map<String, String> realm, boolean detached, boolean built) {
        List<String> jvm = new ArrayList<>(List.of("-Xms64m", "-Xmx512m", "-XX:MetaspaceSize=96M",
                "-XX:MaxMetaspaceSize=256m", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8",
                "-Duser.language=en", "-Duser.country=US",
                "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                "--add-opens=java.base/java.security=ALL-UNNAMED",
                "-Djava.util.concurrent.ForkJoinPool.common.threadFactory="
                        + "io.quarkus.bootstrap.forkjoin.QuarkusForkJoinWorkerThreadFactory",
                "-Dkc.home.dir=" + distribution,
                "-Djboss.server.config.dir=" + distribution.resolve("conf"),
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-Dpicocli.disable.closures=true",
                // What --import-realm does, from this stack's folder instead of the distribution's.
                "-Dkeycloak.migration.action=import",
                "-Dkeycloak.migration.provider=dir",
                "-Dkeycloak.migration.dir=" + importDir(),
                "-Dkeycloak.migration.strategy=IGNORE_EXISTING",
                "-Dkeycloak.migration.replace-placeholders=true"));
        if (built) {
            jvm.add("-Dkc.config.built=true");
        }
        jvm.addAll(jvmOptions);
        jvm.addAll(List.of("-cp", distribution.resolve("lib/quarkus-run.jar").toString()));
        List<String> command = List.of("io.quarkus.bootstrap.runner.QuarkusEntryPoint", "start-dev",
                "--db=dev-mem", "--http-host=127.0.0.1", "--http-port=" + port,
                "--hostname=" + baseUrl(), "--log-console-color=false");
        return process.startWatched(jvm, command, realm, dir, detached);
    }

    /** The realm export of deploy/keycloak/ and the local example users, copied where the import reads them. */
    private void prepareImport() {
        Path deploy = repoRoot.resolve("deploy/keycloak");
        try {
            Files.createDirectories(importDir());
            Files.copy(deploy.resolve(REALM + "-realm.json"), importDir().resolve(REALM + "-realm.json"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.copy(deploy.resolve("local/" + REALM + "-users-0.json"),
                    importDir().resolve(REALM + "-users-0.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StackFailure("cannot copy the realm from " + deploy + ": " + e.getMessage(), e);
        }
    }

    private Path importDir() {
        return dir.resolve("import");
    }

    /**
     * The unpacked distribution under {@code local-stack/target/}, unpacked on first use from the
     * zip the build resolved. Unpacked to a folder of its own first, then moved into place, so a
     * start that is interrupted never leaves half a distribution to be taken for a whole one.
     */
    Path distribution() {
        Path target = repoRoot.resolve("local-stack/target");
        Path pathFile = target.resolve("keycloak.path");
        Path zip;
        try {
            zip = Path.of(Files.readString(pathFile).strip());
        } catch (IOException e) {
            throw new StackFailure(pathFile + " is missing: build the launcher first"
                    + " (./mvnw -B -DskipTests package -pl local-stack -am)", e);
        }
        String name = zip.getFileName().toString().replaceFirst("\\.zip$", "");
        Path unpacked = target.resolve(name);
        if (Files.isRegularFile(unpacked.resolve("lib/quarkus-run.jar"))) {
            return unpacked;
        }
        Path partial = target.resolve(name + ".unpacking-" + ProcessHandle.current().pid());
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                // The zip's one top folder (keycloak-VERSION/) is dropped: partial becomes it.
                String inside = entry.getName().substring(entry.getName().indexOf('/') + 1);
                Path file = partial.resolve(inside).normalize();
                if (!file.startsWith(partial)) {
                    throw new StackFailure(zip + " holds an entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(partial, unpacked, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isRegularFile(unpacked.resolve("lib/quarkus-run.jar"))) {
                throw new StackFailure("cannot unpack Keycloak from " + zip + ": " + e.getMessage(), e);
            }
            // Another launcher unpacked it at the same moment: use theirs.
        }
        return unpacked;
    }

    /** The status of a process that has exited, waiting a moment for the JVM to have reaped it. */
    private static int exitStatus(Process exited) {
        try {
            return exited.waitFor(5, java.util.concurrent.TimeUnit.SECONDS) ? exited.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackFailure("interrupted", e);
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
