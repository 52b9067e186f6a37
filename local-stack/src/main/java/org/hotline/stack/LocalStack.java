package org.hotline.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hotline.events.Topics;

/**
 * The whole hotline on one machine: a private PostgreSQL cluster with the three databases, a
 * Kafka broker with the topics of the contract, and the three packaged services. {@code ./stack}
 * runs it detached and durable; the system tests run it attached, on free ports, throw-away.
 * Either way the parts are started, found, checked and stopped by this one class.
 */
public final class LocalStack {

    public static final List<String> DATABASES = List.of("intake", "cases", "stats");

    /**
     * How and where one stack runs. {@code servicesTogether}: launch the three services at once and
     * then wait for all (quickest on an idle machine), or one after another, each ready before the
     * next (on a busy 2-core machine three JVMs booting at once only slow each other down).
     * {@code serviceEnvironment} is set on every service last, over the stack's own choices (the
     * system tests switch tracing on with it and send it to their own receiver).
     * {@code serviceJvmOptions}: JVM options by part name (a service's, {@code kafka} or {@code keycloak}).
     * {@code identityProvider}: also run Keycloak, which the ops dashboard signs in through (the
     * benchmark leaves it out: it measures the services, and the dashboard is not under load).
     */
    public record Settings(Path repoRoot, Path home, Ports ports, boolean detached, boolean throwaway,
            String serviceHeap, Duration timeout, boolean servicesTogether,
            Map<String, List<String>> serviceJvmOptions, Map<String, String> serviceEnvironment,
            boolean identityProvider) {

        /** {@code ./stack}: state in {@code .stack/}, parts outlive the launcher, data is kept. */
        public static Settings forRepository(Path repoRoot, Ports ports, Duration timeout) {
            return new Settings(repoRoot, repoRoot.resolve(".stack"), ports, true, false, "512m", timeout, true,
                    Map.of(), Map.of(), true);
        }

        /** System tests: a folder of the test run, free ports, children of the test JVM, no fsync. */
        public static Settings forTests(Path repoRoot, Path home) {
            return new Settings(repoRoot, home, Ports.free(), false, true, "256m", Duration.ofSeconds(300), false,
                    Map.of("intake-service", QUICK_START, "case-service", QUICK_START, "stats-service", QUICK_START,
                            "kafka", QUICK_START, "keycloak", QUICK_START),
                    Map.of(), true);
        }

        /**
         * The system tests start the services some thirty times and run each for a minute or two:
         * the C2 compiler would cost more than it earns, and the 2-core CI machine has no core to
         * spare for G1's threads. Measured on case-service: CPU to ready 11.7 s with the defaults,
         * 6.4 s with these (4.5 s with its class-data archive too). The broker, restarted by the
         * fault suites, and Keycloak, which builds itself on its first start, get them too. Not
         * for {@code ./stack} or the benchmark, which run what production runs.
         */
        public static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

        /**
         * {@code ./stack bench}: a folder of its own and free ports, so a running {@code ./stack}
         * is never disturbed; the heap and the durability (fsync on) of {@code ./stack}, so the
         * figures describe what a user runs. {@code serviceJvmOptions} adds JVM options per
         * service name (a flight recording of intake).
         */
        public static Settings forBenchmark(Path repoRoot, Path home, Map<String, List<String>> serviceJvmOptions) {
            return new Settings(repoRoot, home, Ports.free(), false, false, "512m", Duration.ofSeconds(300), false,
                    serviceJvmOptions, Map.of(), false);
        }

        /** These settings without Keycloak: for a test of the other parts, which would only wait for it. */
        public Settings withoutIdentityProvider() {
            return new Settings(repoRoot, home, ports, detached, throwaway, serviceHeap, timeout, servicesTogether,
                    serviceJvmOptions, serviceEnvironment, false);
        }

        /** These settings, with {@code environment} set on every service over the stack's own. */
        public Settings withServiceEnvironment(Map<String, String> environment) {
            return new Settings(repoRoot, home, ports, detached, throwaway, serviceHeap, timeout, servicesTogether,
                    serviceJvmOptions, Map.copyOf(environment), identityProvider);
        }
    }

    /** One part's state, as {@code ./stack status} prints it. */
    public record PartStatus(String part, State state, Optional<Long> pid, String detail) {

        public enum State { RUNNING, NOT_READY, CRASHED, STOPPED }
    }

    private final Settings settings;
    private final PostgresCluster postgres;
    private final KafkaBroker kafka;
    private final KeycloakServer keycloak;
    private final ServiceProcess intake;
    private final ServiceProcess cases;
    private final ServiceProcess stats;
    private final StackSecrets secrets;
    private final List<ServiceProcess> extraInstances = new ArrayList<>();

    public LocalStack(Settings settings) {
        this.settings = settings;
        Path home = settings.home().toAbsolutePath().normalize();
        Ports ports = settings.ports();
        Path logs = home.resolve("logs");
        this.postgres = PostgresCluster.of(home, ports.postgres(), settings.throwaway());
        this.kafka = new KafkaBroker(home.resolve("kafka"), logs.resolve("kafka.log"), ports.kafka(),
                ports.kafkaController(), StackClasspath.of(settings.repoRoot()), home,
                settings.serviceJvmOptions().getOrDefault("kafka", List.of()));
        this.keycloak = new KeycloakServer(settings.repoRoot(), home.resolve("keycloak"), logs.resolve("keycloak.log"),
                ports.keycloak(), home, settings.serviceJvmOptions().getOrDefault("keycloak", List.of()));
        this.secrets = new StackSecrets(home);
        this.intake = service("intake-service", ports.intake(), logs);
        this.cases = service("case-service", ports.cases(), logs);
        this.stats = service("stats-service", ports.stats(), logs);
    }

    private ServiceProcess service(String name, int port, Path logs) {
        return new ServiceProcess(name, settings.repoRoot(), settings.home(), logs.resolve(name + ".log"), port,
                () -> environmentOf(name), settings.serviceHeap(),
                settings.serviceJvmOptions().getOrDefault(name, List.of()));
    }

    /**
     * One more instance of case-service or stats-service on {@code port}, in the same consumer
     * group as the first: Kafka shares the partitions between them. It is not started here; once
     * started it is one of {@link #services()}, so {@link #down} stops it with the rest.
     */
    public synchronized ServiceProcess addInstance(ServiceProcess of, int port) {
        if (of == intake) {
            // Scaling intake needs nothing of Kafka; the stack's ports and URLs assume one.
            throw new IllegalArgumentException("only the consumers, case-service and stats-service, get more instances");
        }
        String module = of == cases ? "case-service" : "stats-service";
        String instance = module + "-" + (2 + extraInstances.stream().filter(s -> s.jar().equals(of.jar())).count());
        ServiceProcess added = new ServiceProcess(module, instance, settings.repoRoot(), settings.home(),
                settings.home().toAbsolutePath().normalize().resolve("logs").resolve(instance + ".log"), port,
                () -> environmentOf(module), settings.serviceHeap(),
                settings.serviceJvmOptions().getOrDefault(module, List.of()));
        added.launchWith(settings.detached(), settings.timeout());
        extraInstances.add(added);
        return added;
    }

    /**
     * The configuration contract of each service (see its application.properties), as this stack
     * fills it in. Built at launch only, so that status and down never create a secret.
     */
    private Map<String, String> environmentOf(String service) {
        Ports ports = settings.ports();
        ServiceDatabase roles = rolesOf(service);
        // The service runs as its runtime role only, never as the superuser or the owner (production
        // refuses both, see the audit module's RuntimeRoleGuard); its migration alone gets the
        // owner's login (ServiceMigration).
        Map<String, String> environment = new HashMap<>(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/" + roles.name(),
                "QUARKUS_DATASOURCE_USERNAME", roles.runtimeRole(),
                "QUARKUS_DATASOURCE_PASSWORD", roles.runtimePassword(),
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()));
        // The stack runs the prod jars, which log JSON; its logs are read by people (./stack logs),
        // so they are plain text. The system tests set it back to JSON (serviceEnvironment), to
        // scan what production writes.
        environment.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        // No trace collector runs on this machine: tracing is off, so nothing tries to reach one.
        environment.put("QUARKUS_OTEL_SDK_DISABLED", "true");
        // Production switches Swagger UI off; on this machine it is how a developer tries the API.
        environment.put("QUARKUS_SWAGGER_UI_ENABLE", "true");
        // Every service trusts the stack's own token issuer (key location, issuer), for its own
        // audience; intake and case-service relay officers' calls to each other with their own keys.
        environment.putAll(secrets.tokens().verificationEnvironment(Tokens.audienceOf(service)));
        switch (service) {
            case "intake-service" -> {
                environment.put("HOTLINE_CALLER_KEY_SECRET", secrets.callerKeySecret());
                environment.put("HOTLINE_PERSONAL_DATA_MASTER_KEY", secrets.personalDataMasterKey());
                environment.put("HOTLINE_PERSONAL_DATA_MASTER_KEY_VERSION", Integer.toString(secrets.masterKeyVersion()));
                // The older keys, after ./stack rotate-master-key, until ./stack retire-master-keys.
                List<String> unwrapOnly = secrets.unwrapOnlyMasterKeys();
                if (!unwrapOnly.isEmpty()) {
                    environment.put("HOTLINE_PERSONAL_DATA_UNWRAP_ONLY_MASTER_KEYS", String.join(",", unwrapOnly));
                }
                // Follow-ups are checked against case-service's API.
                environment.put("QUARKUS_REST_CLIENT_CASE_SERVICE_URL", "http://127.0.0.1:" + ports.cases());
            }
            case "case-service" -> {
                // Officers' free text is sealed under per-case keys this master key wraps.
                environment.put("HOTLINE_CASE_TEXT_MASTER_KEY", secrets.caseTextMasterKey());
                // A case officer's request for a man's personal details goes to intake-service.
                environment.put("QUARKUS_REST_CLIENT_INTAKE_SERVICE_URL", "http://127.0.0.1:" + ports.intake());
            }
            // The dashboard's status strip reads both outboxes' age from their metrics, and links
            // an overdue case to case-service for an analyst who is a case officer too.
            default -> {
                // The dashboard signs in through the stack's Keycloak (given even when it is not
                // run, as for the benchmark: production mode refuses to start without them).
                environment.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.realmUrl());
                environment.put("QUARKUS_OIDC_CREDENTIALS_SECRET", secrets.opsDashboardClientSecret());
                environment.put("HOTLINE_STATS_DASHBOARD_STATUS_OUTBOX_METRICS", "http://127.0.0.1:" + ports.intake()
                        + "/q/metrics,http://127.0.0.1:" + ports.cases() + "/q/metrics");
                environment.put("HOTLINE_STATS_DASHBOARD_CASE_LINK",
                        "http://127.0.0.1:" + ports.cases() + "/api/v1/cases/{reference}");
            }
        }
        environment.putAll(settings.serviceEnvironment());
        return environment;
    }

    /** The database of a service module, and its two roles. */
    private ServiceDatabase rolesOf(String service) {
        return secrets.serviceDatabase(switch (service) {
            case "intake-service" -> "intake";
            case "case-service" -> "cases";
            default -> "stats";
        });
    }

    public Settings settings() {
        return settings;
    }

    /** The issuer of the tokens this stack's services trust (made on first use). */
    public Tokens tokens() {
        return secrets.tokens();
    }

    /** The secrets this stack generated for itself: the master keys among them. */
    public StackSecrets secrets() {
        return secrets;
    }

    public PostgresCluster postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    /**
     * The ops dashboard's address, as the realm's client knows it: Keycloak sends the browser back
     * only there, so the page is opened as {@code localhost}, as docs/RUNNING.md says.
     */
    public String dashboardUrl() {
        return "http://localhost:" + settings.ports().stats();
    }

    public ServiceProcess intake() {
        return intake;
    }

    public ServiceProcess cases() {
        return cases;
    }

    public ServiceProcess stats() {
        return stats;
    }

    /** intake, case and stats, then any instance {@link #addInstance added}. */
    public synchronized List<ServiceProcess> services() {
        List<ServiceProcess> all = new ArrayList<>(List.of(intake, cases, stats));
        all.addAll(extraInstances);
        return List.copyOf(all);
    }

    /**
     * Starts every part that does not run and waits until all are ready; a part that runs is
     * left alone, a part that crashed is started again. With {@code infraOnly}, only PostgreSQL
     * and Kafka (for services in dev mode).
     */
    public void up(boolean infraOnly, Console console) {
        prepareHome();
        // Keycloak boots slowest, and needs nothing of the others: it starts first and is waited for last.
        if (settings.identityProvider()) {
            launchKeycloak(console);
        }
        startPostgres(console);
        // The migrations need PostgreSQL alone, so they run while the broker starts.
        List<Migrating> migrating = infraOnly ? List.of() : startMigrations(console);
        startKafka(console);
        if (!infraOnly) {
            awaitMigrations(migrating, console);
            startServices(console);
        }
        if (settings.identityProvider()) {
            awaitKeycloak(console);
        }
    }

    /**
     * Runs the one-shot migration of every service that does not run, and waits for them all: for a
     * caller that starts the services itself after {@code up(true, ...)} (the benchmark times each
     * service's start alone, which no longer includes its migration).
     */
    public void migrate(Console console) {
        awaitMigrations(startMigrations(console), console);
    }

    private void launchKeycloak(Console console) {
        console.step("Keycloak (identity provider of the ops dashboard, " + keycloak.baseUrl() + ")");
        if (keycloak.isRunning()) {
            console.ok("already running (pid " + pid(keycloak.process()) + ")");
            return;
        }
        reportIfCrashed("keycloak", console);
        requireFree(keycloak.port(), "HOTLINE_KEYCLOAK_PORT");
        keycloak.launch(Map.of(
                "HOTLINE_OPS_DASHBOARD_URL", dashboardUrl(),
                "HOTLINE_OPS_DASHBOARD_CLIENT_SECRET", secrets.opsDashboardClientSecret(),
                "HOTLINE_EXAMPLE_USERS_PASSWORD", secrets.exampleUsersPassword(),
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", secrets.keycloakAdminPassword()), settings.detached());
        markStarted("keycloak");
        console.info("starting, realm " + KeycloakServer.REALM + " imported from deploy/keycloak/ (pid "
                + pid(keycloak.process()) + ", log: " + keycloak.log() + ")");
    }

    private void awaitKeycloak(Console console) {
        console.step("Waiting until Keycloak serves the " + KeycloakServer.REALM + " realm");
        keycloak.awaitReady(settings.timeout());
        console.ok("keycloak ready (" + keycloak.realmUrl() + ")");
    }

    private void startPostgres(Console console) {
        console.step("PostgreSQL (private cluster in " + postgres.home() + ")");
        if (postgres.isRunning()) {
            console.ok("already running (pid " + postgres.postmaster().map(ProcessHandle::pid).orElse(0L) + ", port "
                    + postgres.runningPort().orElse(postgres.port()) + ")");
        } else {
            reportIfCrashed("postgres", console);
            requireFree(settings.ports().postgres(), "HOTLINE_PG_PORT");
            console.info("starting on 127.0.0.1:" + postgres.port() + " (log: " + postgres.log() + ")");
            postgres.start();
            markStarted("postgres");
            console.ok("running (pid " + postgres.postmaster().map(ProcessHandle::pid).orElse(0L) + ")");
        }
        DATABASES.forEach(database -> postgres.createServiceDatabase(secrets.serviceDatabase(database)));
        console.info("databases " + String.join(", ", DATABASES) + ", each with its owner (NAME_owner, migrates)"
                + " and runtime role (NAME_app, the service's)");
    }

    private void startKafka(Console console) {
        console.step("Kafka (KRaft broker on " + kafka.bootstrapServers() + ", controller on 127.0.0.1:"
                + kafka.controllerPort() + ")");
        if (kafka.isRunning()) {
            console.ok("already running (pid " + kafka.process().find().map(ProcessHandle::pid).orElse(0L) + ")");
        } else {
            reportIfCrashed("kafka", console);
            requireFree(kafka.port(), "HOTLINE_KAFKA_PORT");
            requireFree(kafka.controllerPort(), "HOTLINE_KAFKA_CONTROLLER_PORT");
            console.info("starting the broker (log: " + kafka.log() + ")");
            markStarted("kafka");
        }
        kafka.start(settings.detached(), settings.timeout());
        console.ok("answering (pid " + kafka.process().find().map(ProcessHandle::pid).orElse(0L) + ")");
        try (var admin = kafka.admin()) {
            for (TopicSetup.Outcome outcome : TopicSetup.apply(admin, Topics.Replication.SINGLE_BROKER)) {
                if (outcome.mismatch()) {
                    console.warn("topic " + outcome.topic() + " " + outcome.what());
                } else {
                    console.ok("topic " + outcome.topic() + ": " + outcome.what());
                }
            }
        }
    }

    private void startServices(Console console) {
        console.step("Services");
        List<ServiceProcess> starting = new ArrayList<>();
        for (ServiceProcess service : services()) {
            if (service.isRunning()) {
                console.ok(service.name() + " already running (pid " + pid(service.process()) + ")");
                service.launch(settings.detached(), settings.timeout());
                starting.add(service);
                continue;
            }
            reportIfCrashed(service.name(), console);
            requireFree(service.port(), variableFor(service));
            service.launch(settings.detached(), settings.timeout());
            markStarted(service.name());
            console.info(service.name() + " started (pid " + pid(service.process()) + ", port " + service.port()
                    + ", log: " + service.log() + ")");
            if (!settings.servicesTogether()) {
                service.awaitReady();
            }
            starting.add(service);
        }
        console.step("Waiting until the services are ready (up to " + settings.timeout().toSeconds() + " s each)");
        for (ServiceProcess service : starting) {
            service.awaitReady();
            console.ok(service.name() + " ready");
        }
    }

    /** A service's one-shot migration, and its end. */
    private record Migrating(ServiceMigration migration, CompletableFuture<Void> done) {
    }

    /**
     * Starts the one-shot migration of each service that is about to start, all at once (each is a
     * JVM that mostly waits for its own start and for PostgreSQL); an added instance shares its
     * module's schema, which the first instance's migration brings up to date.
     */
    private List<Migrating> startMigrations(Console console) {
        List<ServiceProcess> starting = List.of(intake, cases, stats).stream().filter(service -> !service.isRunning())
                .toList();
        if (starting.isEmpty()) {
            return List.of();
        }
        Path home = settings.home().toAbsolutePath().normalize();
        // A thread each: the common pool has one thread on a 2-core machine, which would run them one by one.
        ExecutorService threads = Executors.newFixedThreadPool(starting.size(), task -> {
            Thread thread = new Thread(task, "migration");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Migrating> migrating = starting.stream().map(service -> new ServiceMigration(service, home))
                    .map(migration -> new Migrating(migration, CompletableFuture.runAsync(() -> migration.run(
                            environmentOf(migration.name()), rolesOf(migration.name()), settings.timeout()), threads)))
                    .toList();
            console.info("migrating " + String.join(", ", starting.stream().map(ServiceProcess::name).toList())
                    + " meanwhile, each as its database's owner");
            return migrating;
        } finally {
            threads.shutdown();
        }
    }

    /** Waits for every migration; the first failure stops {@code up} before any service starts on a stale schema. */
    private void awaitMigrations(List<Migrating> migrating, Console console) {
        if (migrating.isEmpty()) {
            return;
        }
        console.step("Migrations (each service's jar with QUARKUS_INIT_AND_EXIT=true, as its database's owner)");
        for (Migrating each : migrating) {
            try {
                each.done().join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof StackFailure failure ? failure : e;
            }
            console.ok(each.migration().name() + " migrated (log: " + each.migration().log() + ")");
        }
    }

    /**
     * Stops every part this stack started, services first, then Keycloak, Kafka and PostgreSQL, and
     * checks that nothing listens on the stack's ports any more. Returns false if a part had to
     * be killed or a port is still held.
     */
    public boolean down(Console console) {
        console.step("Stopping the stack");
        boolean clean = true;
        List<ServiceProcess> running = services().stream().filter(ServiceProcess::isRunning).toList();
        // SIGTERM to all services at once, then wait for each: they shut down in parallel.
        running.forEach(service -> service.process().find().ifPresent(ProcessHandle::destroy));
        for (ServiceProcess service : services()) {
            if (running.contains(service)) {
                clean &= stopped(service.name(), service.process().stop(), console);
            } else {
                console.info(service.name() + ": not running");
            }
            markStopped(service.name());
        }
        if (keycloak.isRunning()) {
            clean &= stopped("keycloak", keycloak.stop(), console);
        } else {
            console.info("keycloak: not running");
        }
        markStopped("keycloak");
        if (kafka.isRunning()) {
            clean &= stopped("kafka", kafka.process().stop(), console);
        } else {
            console.info("kafka: not running");
        }
        markStopped("kafka");
        if (postgres.isRunning()) {
            postgres.stop();
            console.ok("postgres: stopped");
        } else {
            console.info("postgres: not running");
        }
        markStopped("postgres");
        for (Map.Entry<String, Integer> port : settings.ports().byVariable().entrySet()) {
            if (!awaitFree(port.getValue())) {
                console.warn("port " + port.getValue() + " is still held by " + PortOwner.describe(port.getValue()));
                clean = false;
            }
        }
        if (clean) {
            console.ok("all stopped; nothing listens on ports " + settings.ports().byVariable().values());
        }
        return clean;
    }

    /** One line per part: what runs, what crashed, what is stopped; services also say whether they are ready. */
    public List<PartStatus> status() {
        List<PartStatus> parts = new ArrayList<>();
        Optional<ProcessHandle> postmaster = postgres.postmaster();
        parts.add(postmaster.isPresent()
                ? new PartStatus("postgres", PartStatus.State.RUNNING, postmaster.map(ProcessHandle::pid),
                        "127.0.0.1:" + postgres.runningPort().orElse(postgres.port()))
                : notRunning("postgres", postgres.log()));
        Optional<ProcessHandle> broker = kafka.process().find();
        if (broker.isPresent()) {
            boolean answers = kafka.answers();
            parts.add(new PartStatus("kafka", answers ? PartStatus.State.RUNNING : PartStatus.State.NOT_READY,
                    broker.map(ProcessHandle::pid), kafka.bootstrapServers() + (answers ? "" : "  NOT ANSWERING")));
        } else {
            parts.add(notRunning("kafka", kafka.log()));
        }
        Optional<ProcessHandle> identityProvider = keycloak.process().find();
        if (identityProvider.isPresent()) {
            boolean answers = keycloak.answers();
            parts.add(new PartStatus("keycloak", answers ? PartStatus.State.RUNNING : PartStatus.State.NOT_READY,
                    identityProvider.map(ProcessHandle::pid), keycloak.baseUrl() + (answers ? "" : "  NOT ANSWERING")));
        } else {
            parts.add(notRunning("keycloak", keycloak.log()));
        }
        for (ServiceProcess service : services()) {
            Optional<ProcessHandle> process = service.process().find();
            if (process.isPresent()) {
                boolean ready = service.isReady();
                parts.add(new PartStatus(service.name(), ready ? PartStatus.State.RUNNING : PartStatus.State.NOT_READY,
                        process.map(ProcessHandle::pid), (ready ? "ready      " : "NOT READY  ") + service.baseUrl() + "/"));
            } else {
                parts.add(notRunning(service.name(), service.log()));
            }
        }
        return parts;
    }

    /** Stops everything and deletes all the stack's state: the database cluster, Kafka's log, logs and secrets. */
    public void clean(Console console) {
        down(console);
        console.step("Removing the stack's state");
        postgres.delete();
        console.ok("deleted " + postgres.home());
        deleteTree(settings.home());
        console.ok("deleted " + settings.home());
    }

    private PartStatus notRunning(String part, Path log) {
        return Files.exists(startedMarker(part))
                ? new PartStatus(part, PartStatus.State.CRASHED, Optional.empty(), "exited without ./stack down; log: " + log)
                : new PartStatus(part, PartStatus.State.STOPPED, Optional.empty(), "");
    }

    private void reportIfCrashed(String part, Console console) {
        if (Files.exists(startedMarker(part))) {
            console.warn(part + " had exited without ./stack down (see its log); starting it again");
        }
    }

    private void requireFree(int port, String variable) {
        if (PortOwner.isTaken(port)) {
            throw new StackFailure("port " + port + " on 127.0.0.1 is taken by " + PortOwner.describe(port)
                    + ". Stop that program, or give the stack another port: " + variable + "=<free port> ./stack up");
        }
    }

    private static String variableFor(ServiceProcess service) {
        return switch (service.name()) {
            case "intake-service" -> "HOTLINE_INTAKE_PORT";
            case "case-service" -> "HOTLINE_CASE_PORT";
            default -> "HOTLINE_STATS_PORT";
        };
    }

    private static boolean stopped(String name, boolean gracefully, Console console) {
        if (gracefully) {
            console.ok(name + ": stopped");
        } else {
            console.warn(name + " did not stop within 30 s of SIGTERM and was killed");
        }
        return gracefully;
    }

    private static boolean awaitFree(int port) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (PortOwner.isTaken(port)) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static long pid(JavaProcess process) {
        return process.find().map(ProcessHandle::pid).orElse(0L);
    }

    private void prepareHome() {
        try {
            Files.createDirectories(settings.home().resolve("run"));
            // Logs and secrets of the stack are for its owner alone.
            Files.setPosixFilePermissions(settings.home(), PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new StackFailure("cannot prepare " + settings.home() + ": " + e.getMessage(), e);
        }
    }

    /** A part that was started and not stopped by down: if it is gone, it crashed. */
    private Path startedMarker(String part) {
        return settings.home().resolve("run").resolve(part);
    }

    private void markStarted(String part) {
        try {
            Files.createDirectories(startedMarker(part).getParent());
            Files.writeString(startedMarker(part), Instant.now().toString());
        } catch (IOException e) {
            throw new StackFailure("cannot write " + startedMarker(part) + ": " + e.getMessage(), e);
        }
    }

    private void markStopped(String part) {
        try {
            Files.deleteIfExists(startedMarker(part));
        } catch (IOException e) {
            // The marker only tells a crash from a stop; a stale one makes status say "crashed" at worst.
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new StackFailure("cannot delete " + root + ": " + e.getMessage(), e);
        }
    }
}
