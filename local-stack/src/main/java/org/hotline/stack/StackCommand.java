package org.hotline.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.hotline.history.Reconciliation;
import org.hotline.history.Seed;

/**
 * {@code ./stack COMMAND}: the command line of the local stack. Parses the arguments, picks the
 * ports, and hands the work to {@link LocalStack}; every failure ends in one {@code error:} line
 * that says what to do.
 */
public final class StackCommand {

    private static final String USAGE = """
            Usage: ./stack COMMAND

            Runs the hotline on this machine without Docker: a private PostgreSQL cluster,
            a Kafka KRaft broker, Keycloak (the ops dashboard signs in through it) and the
            intake, case and stats services. State: .stack/

            Commands:
              up [--infra] [--build]
                               start whatever is not running yet and wait until all is ready; a part
                               that crashed is started again, healthy ones are left alone.
                               --infra: only PostgreSQL, Kafka and Keycloak (run services with
                               quarkus:dev)
                               --build: rebuild the service jars first (services must be stopped)
              down             stop everything the stack started: services, Keycloak, Kafka,
                               PostgreSQL
              status           one line per part: running (pid), not ready, crashed or stopped
              env              shell exports for psql, Kafka tools and stats-service in dev mode:
                               eval "$(./stack env)"
              logs NAME [-f]   print a log: intake, case, stats, kafka, keycloak or postgres; -f
                               follows it
              clean            stop everything and delete all its data, logs and secrets
              token ROLE[,ROLE...] [SUBJECT] [--team TEAM] [--for SERVICE]
                               print a bearer token of the stack's own issuer, valid 12 h, for
                               ROLE (operator, case-officer, supervisor, analyst, admin), e.g.
                               curl -H "Authorization: Bearer $(./stack token analyst)" ...
                               --team: the team claim; a case officer reads the cases assigned
                               to him (SUBJECT, default local-ROLE) or to his team
                               --for: meant for that one service (intake-service, case-service,
                               stats-service) rather than all three
              seed [--scale 0.01] [--seed N] [--batch N] [--dry-run]
                               feed the synthetic history (2022-09-18..2023-04-07, the reference
                               table of docs/DOMAIN.md scaled) through intake's bulk API
              reconcile        compare the stores: intake contacts against stats counts by month,
                               origin and purpose; surrender callers against cases; contacts naming
                               a case against case-service's links; cases against stats' case
                               figures. Exit 1 on drift
              rotate-master-key
                               make a new master key of intake's active from its next start (./stack
                               down && ./stack up); the older ones still unwrap while intake re-wraps
                               every data key (GET /api/v1/admin/master-keys shows how far it is)
              retire-master-keys
                               destroy the older master keys intake reports as no longer needed
              test [ARGS]      install what the tests need (as root), then ./mvnw -B verify ARGS
              fault [--full]   the fault suites (each part killed under load; graceful stops under
                               backlog, database and broker outages); --full is the long run of
                               docs/RELIABILITY.md
              bench [--smoke] [--jfr] [--drain-events N] [--import-scale S] [--token TOKEN]
                               the benchmark: its own stack on free ports (a running one is left
                               alone), load on intake, CPU per contact, freshness, footprint, the
                               ceilings (pgbench, Kafka's perf tools), drains of bulk-filled
                               backlogs (relay, each consumer with one and two instances), a stats
                               replay and the bulk import, in the same run. Report:
                               .stack/bench/report.md and .json; see docs/PERFORMANCE.md
              compose-check [--keep] [--rebuild-images] [--skip-cluster] [--skip-observability]
                               start docker-compose.yml for real (Docker, or podman where no Docker
                               runs), with local images from Debian's packages where registries are
                               unreachable; check health, the curls of docs/RUNNING.md, the 3-broker
                               cluster with one broker stopped, Prometheus; then remove it all.
                               Needs the ports of ./stack: run one of them at a time
              help             this text

            Environment:
              HOTLINE_PG_PORT, HOTLINE_KAFKA_PORT, HOTLINE_KAFKA_CONTROLLER_PORT,
              HOTLINE_INTAKE_PORT, HOTLINE_CASE_PORT, HOTLINE_STATS_PORT, HOTLINE_KEYCLOAK_PORT
                                     the ports (defaults 55432, 9092, 9093, 8081, 8082, 8083, 8180)
              HOTLINE_STACK_TIMEOUT  seconds to wait for each part to become ready (default 180)
              HOTLINE_STACK_OTLP_ENDPOINT
                                     send the services' traces by OTLP to this collector, e.g.
                                     http://localhost:4317 (default: tracing off); applies to the
                                     services ./stack up starts, so ./stack down first
              HOTLINE_STACK_OTLP_PROTOCOL
                                     grpc (default, port 4317) or http/protobuf (port 4318)
              JAVA_HOME              the Java 17+ to use (default: java on PATH)
            """;

    private final Path repoRoot;
    private final Console console;

    StackCommand(Path repoRoot, Console console) {
        this.repoRoot = repoRoot;
        this.console = console;
    }

    public static void main(String[] args) {
        Path repoRoot = Path.of(System.getProperty("hotline.repo.root", ".")).toAbsolutePath().normalize();
        Console console = Console.system();
        try {
            System.exit(new StackCommand(repoRoot, console).run(List.of(args)));
        } catch (StackFailure e) {
            console.error(e.getMessage());
            System.exit(1);
        }
    }

    int run(List<String> args) {
        String command = args.isEmpty() ? "help" : args.get(0);
        List<String> options = args.isEmpty() ? List.of() : args.subList(1, args.size());
        return switch (command) {
            case "up" -> up(options);
            case "down" -> down(options);
            case "status" -> status();
            case "env" -> env();
            case "logs", "log" -> logs(options);
            case "clean" -> clean();
            case "token" -> token(options);
            case "seed" -> seed(options);
            case "reconcile" -> reconcile(options);
            case "rotate-master-key" -> rotateMasterKey();
            case "retire-master-keys" -> retireMasterKeys();
            case "bench" -> {
                // ./stack runs the benchmark itself, on the benchmark module's classpath.
                console.error("run the benchmark through the wrapper: ./stack bench");
                yield 2;
            }
            case "help", "-h", "--help" -> {
                console.plain(USAGE.strip());
                yield 0;
            }
            default -> {
                console.error("unknown command '" + command + "'\n\n" + USAGE.strip());
                yield 2;
            }
        };
    }

    private int up(List<String> options) {
        boolean infraOnly = false;
        boolean rebuild = false;
        for (String option : options) {
            switch (option) {
                case "--infra" -> infraOnly = true;
                case "--build" -> rebuild = true;
                default -> throw new StackFailure("unknown option for up: " + option + " (see ./stack help)");
            }
        }
        LocalStack stack = stack(true);
        if (!infraOnly) {
            buildServices(stack, rebuild);
        }
        stack.up(infraOnly, console);
        printAddresses(stack, infraOnly);
        TraceExport tracing = TraceExport.fromEnvironment(System::getenv);
        if (tracing.enabled() && !infraOnly) {
            console.info("traces of the services started now go to " + tracing.endpoint() + " (" + tracing.protocol() + ")");
        }
        return 0;
    }

    private int down(List<String> options) {
        if (!options.isEmpty()) {
            throw new StackFailure("down takes no options");
        }
        return stack(false).down(console) ? 0 : 1;
    }

    private int status() {
        for (LocalStack.PartStatus part : stack(false).status()) {
            String state = switch (part.state()) {
                case RUNNING -> "running (pid " + part.pid().orElse(0L) + ")";
                case NOT_READY -> "running (pid " + part.pid().orElse(0L) + ")";
                case CRASHED -> "CRASHED";
                case STOPPED -> "stopped";
            };
            console.plain(String.format("%-15s %-22s %s", part.part(), state, part.detail()).stripTrailing());
        }
        return 0;
    }

    private int env() {
        LocalStack stack = stack(false);
        console.plain("export KAFKA_BOOTSTRAP_SERVERS=" + stack.kafka().bootstrapServers());
        console.plain("export PGHOST=127.0.0.1");
        console.plain("export PGPORT=" + stack.postgres().runningPort().orElse(stack.postgres().port()));
        console.plain("export PGUSER=" + stack.postgres().user());
        // stats-service in dev mode signs the dashboard in through the stack's Keycloak with this client secret.
        console.plain("export HOTLINE_OPS_DASHBOARD_CLIENT_SECRET=" + stack.secrets().opsDashboardClientSecret());
        return 0;
    }

    private int logs(List<String> options) {
        boolean follow = options.contains("-f") || options.contains("--follow");
        List<String> names = options.stream().filter(o -> !o.startsWith("-")).toList();
        if (names.size() != 1) {
            throw new StackFailure("which log? ./stack logs intake|case|stats|kafka|keycloak|postgres [-f]");
        }
        LocalStack stack = stack(false);
        Path log = switch (names.get(0)) {
            case "intake", "intake-service" -> stack.intake().log();
            case "case", "cases", "case-service" -> stack.cases().log();
            case "stats", "stats-service" -> stack.stats().log();
            case "kafka" -> stack.kafka().log();
            case "keycloak" -> stack.keycloak().log();
            case "postgres", "postgresql", "pg" -> stack.postgres().log();
            default -> throw new StackFailure("unknown log '" + names.get(0) + "': use intake, case, stats, kafka or postgres");
        };
        if (!Files.isRegularFile(log)) {
            throw new StackFailure("no log yet at " + log + " (has ./stack up run?)");
        }
        try (InputStream in = Files.newInputStream(log)) {
            in.transferTo(System.out);
            System.out.flush();
            // -f: print what is appended until Ctrl-C, like tail -f.
            while (follow) {
                if (in.available() > 0) {
                    in.transferTo(System.out);
                    System.out.flush();
                } else {
                    Thread.sleep(250);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private int clean() {
        stack(false).clean(console);
        return 0;
    }

    private int token(List<String> options) {
        console.plain(TokenRequest.parse(options).mint(stack(false).tokens()));
        return 0;
    }

    /** The history tools talk to the services with a token of the stack's issuer, unless given one. */
    private static void actAs(LocalStack stack, String role) {
        if (System.getenv("HOTLINE_TOKEN") == null && System.getProperty("hotline.token") == null) {
            System.setProperty("hotline.token", stack.tokens().mintValidFor(Duration.ofHours(12), "local-" + role, role));
        }
    }

    private int seed(List<String> options) {
        LocalStack stack = stack(false);
        actAs(stack, "operator");
        List<String> args = new ArrayList<>(options);
        if (!args.contains("--intake")) {
            args.addAll(List.of("--intake", stack.intake().baseUrl()));
        }
        if (!args.contains("--dry-run") && !stack.intake().isReady()) {
            throw new StackFailure("intake-service is not ready at " + stack.intake().baseUrl() + ": run ./stack up first");
        }
        console.step("Seeding the synthetic history through intake's bulk API");
        try {
            Seed.main(args.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            // A mistyped option or value: one error line, not a stack trace.
            throw new StackFailure("seed: " + e.getMessage() + " (see ./stack help)");
        }
        return 0;
    }

    private int reconcile(List<String> options) {
        LocalStack stack = stack(false);
        actAs(stack, "analyst");
        if (!stack.postgres().isRunning()) {
            throw new StackFailure("the stack's PostgreSQL is not running: ./stack up");
        }
        List<String> args = new ArrayList<>(List.of("--intake-db", stack.postgres().jdbcUrl("intake"),
                "--cases-db", stack.postgres().jdbcUrl("cases"), "--user", stack.postgres().user(),
                "--password", "", "--stats", stack.stats().baseUrl()));
        args.addAll(options);
        console.step("Reconciling intake, case and stats stores");
        try {
            Reconciliation.main(args.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            throw new StackFailure("reconcile: " + e.getMessage() + " (see ./stack help)");
        }
        return 0;
    }

    private int rotateMasterKey() {
        LocalStack stack = stack(false);
        int version = stack.secrets().rotateMasterKey();
        console.plain("Master key version " + version + " is intake's active key from its next start: ./stack down && ./stack up\n"
                + "The older versions still unwrap while intake re-wraps every data key with it; see how far it is with\n"
                + "  curl -s -H \"Authorization: Bearer $(./stack token admin)\" " + stack.intake().baseUrl()
                + "/api/v1/admin/master-keys\n"
                + "and once \"pending\" is 0: ./stack retire-master-keys");
        return 0;
    }

    /** Only intake knows which master key versions still wrap a data key: it is asked, never guessed. */
    private int retireMasterKeys() {
        LocalStack stack = stack(false);
        if (!stack.intake().isReady()) {
            throw new StackFailure("intake is not running, and only it can tell which master keys are still needed: ./stack up");
        }
        String answer;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(stack.intake().baseUrl() + "/api/v1/admin/master-keys"))
                    .header("Authorization", "Bearer " + stack.tokens().mintValidFor(Duration.ofMinutes(5),
                            "local-admin", "admin"))
                    .timeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new StackFailure("intake answered " + response.statusCode() + " about its master keys");
            }
            answer = response.body();
        } catch (IOException e) {
            throw new StackFailure("cannot ask intake about its master keys: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackFailure("interrupted", e);
        }
        Matcher retirable = Pattern.compile("\"retirable\":\\[([0-9,]*)]").matcher(answer);
        if (!retirable.find()) {
            throw new StackFailure("intake's answer names no retirable versions: " + answer);
        }
        List<Integer> unneeded = Stream.of(retirable.group(1).split(",")).filter(v -> !v.isEmpty())
                .map(Integer::valueOf).toList();
        int active = stack.secrets().masterKeyVersion();
        for (int version : stack.secrets().keptMasterKeyVersions()) {
            if (version == active) {
                continue;
            }
            if (unneeded.contains(version)) {
                stack.secrets().destroyMasterKey(version);
                console.plain("Master key version " + version + " destroyed; intake forgets it at its next start");
            } else {
                console.plain("Master key version " + version + " still wraps data keys (or intake runs without it); kept");
            }
        }
        return 0;
    }

    /**
     * The stack of this repository. Its ports are those recorded by the {@code up} that started
     * it while any part still runs, so that status and down talk to what really runs; otherwise
     * the defaults and environment overrides apply, and {@code up} records them.
     */
    private LocalStack stack(boolean starting) {
        Ports requested = Ports.fromEnvironment(System::getenv);
        Duration timeout = Duration.ofSeconds(timeoutSeconds());
        Ports recorded = recordedPorts().orElse(requested);
        // Read at every command, applied only by the ones that start a service.
        Map<String, String> tracing = TraceExport.fromEnvironment(System::getenv).serviceEnvironment();
        LocalStack stack = new LocalStack(LocalStack.Settings.forRepository(repoRoot, recorded, timeout)
                .withServiceEnvironment(tracing));
        boolean anyRunning = stack.status().stream().anyMatch(p -> p.pid().isPresent());
        if (!anyRunning && !recorded.equals(requested)) {
            stack = new LocalStack(LocalStack.Settings.forRepository(repoRoot, requested, timeout)
                    .withServiceEnvironment(tracing));
        } else if (anyRunning && !recorded.equals(requested) && starting) {
            console.warn("the stack runs on ports " + recorded.byVariable() + "; other ports apply after ./stack down");
        }
        if (starting) {
            recordPorts(stack.settings().ports());
        }
        return stack;
    }

    private Path portsFile() {
        return repoRoot.resolve(".stack/ports.properties");
    }

    private java.util.Optional<Ports> recordedPorts() {
        if (!Files.isRegularFile(portsFile())) {
            return java.util.Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(portsFile())) {
            properties.load(in);
            return java.util.Optional.of(Ports.fromEnvironment(properties::getProperty));
        } catch (IOException | StackFailure e) {
            return java.util.Optional.empty();
        }
    }

    private void recordPorts(Ports ports) {
        Properties properties = new Properties();
        ports.byVariable().forEach((variable, port) -> properties.setProperty(variable, port.toString()));
        try {
            Files.createDirectories(portsFile().getParent());
            try (var out = Files.newOutputStream(portsFile())) {
                properties.store(out, "ports of the running stack, written by ./stack up");
            }
        } catch (IOException e) {
            throw new StackFailure("cannot write " + portsFile() + ": " + e.getMessage(), e);
        }
    }

    private static long timeoutSeconds() {
        String value = System.getenv("HOTLINE_STACK_TIMEOUT");
        try {
            return value == null || value.isBlank() ? 180 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new StackFailure("HOTLINE_STACK_TIMEOUT must be a number of seconds, not '" + value + "'");
        }
    }

    /** Builds the service jars when one is missing, or all of them with --build. */
    private void buildServices(LocalStack stack, boolean rebuild) {
        console.step("Service jars");
        List<String> missing = stack.services().stream().filter(s -> !Files.isRegularFile(s.jar()))
                .map(ServiceProcess::name).toList();
        if (missing.isEmpty() && !rebuild) {
            console.ok("present (./stack up --build rebuilds them)");
            return;
        }
        if (rebuild && stack.services().stream().anyMatch(ServiceProcess::isRunning)) {
            throw new StackFailure("--build needs the services stopped first (./stack down)");
        }
        console.info(rebuild ? "rebuilding the services (--build)" : "missing: " + String.join(", ", missing));
        List<String> command = List.of(repoRoot.resolve("mvnw").toString(), "-B", "-q", "-DskipTests", "package",
                "-pl", "intake-service,case-service,stats-service", "-am");
        console.info("building: " + String.join(" ", command.subList(1, command.size()))
                + " (a cold first build downloads a lot and can take minutes)");
        try {
            Process build = new ProcessBuilder(command).directory(repoRoot.toFile()).inheritIO().start();
            if (!build.waitFor(60, TimeUnit.MINUTES) || build.exitValue() != 0) {
                throw new StackFailure("the build failed (output above)");
            }
        } catch (IOException e) {
            throw new StackFailure("cannot run the build: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackFailure("interrupted", e);
        }
        console.ok("built");
    }

    private void printAddresses(LocalStack stack, boolean infraOnly) {
        PostgresCluster postgres = stack.postgres();
        console.plain("");
        console.plain(infraOnly ? "PostgreSQL and Kafka are up (no services: --infra)." : "The hotline is up.");
        if (!infraOnly) {
            for (ServiceProcess service : stack.services()) {
                console.plain(String.format("  %-15s %s/  (swagger %s/q/swagger-ui, health %s/q/health)",
                        service.name(), service.baseUrl(), service.baseUrl(), service.baseUrl()));
            }
            console.plain("  dashboard       " + stack.dashboardUrl() + "/  (sign in as analyst, password "
                    + stack.secrets().exampleUsersPassword() + ": an example user of this machine's stack only)");
        } else {
            console.plain("  run a service in dev mode against them: ./mvnw quarkus:dev -pl intake-service");
        }
        console.plain("  Keycloak        " + stack.keycloak().baseUrl() + "/admin/  (realm " + KeycloakServer.REALM
                + "; console user admin, password in .stack/secrets/keycloak-admin-password.secret)");
        console.plain("  Kafka           " + stack.kafka().bootstrapServers());
        console.plain("  PostgreSQL      127.0.0.1:" + postgres.runningPort().orElse(postgres.port()) + ", superuser "
                + postgres.user() + ", databases " + String.join(", ", LocalStack.DATABASES)
                + " (eval \"$(./stack env)\"; psql -d cases); the services log in as NAME_app,"
                + " their migrations as NAME_owner (passwords in .stack/secrets)");
        console.plain("  logs            ./stack logs intake|case|stats|kafka|keycloak|postgres [-f]");
        console.plain("  stop            ./stack down");
    }
}
