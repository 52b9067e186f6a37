package org.hotline.system;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.hotline.stack.Console;
import org.hotline.stack.KafkaBroker;
import org.hotline.stack.KeycloakServer;
import org.hotline.stack.LocalStack;
import org.hotline.stack.Ports;
import org.hotline.stack.PostgresCluster;
import org.hotline.stack.ServiceProcess;
import org.hotline.stack.StackSecrets;
import org.hotline.stack.Tokens;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The whole hotline, started once for all system tests by the same launcher as {@code ./stack}
 * ({@link LocalStack}): one real Kafka broker (its own JVM), one private PostgreSQL cluster with
 * the three databases, and the three packaged services as separate processes, all on free ports
 * so that a running {@code ./stack} is not disturbed. Tests get a {@link Hotline} parameter and
 * talk to it over REST; fault tests also stop, kill and restart its parts.
 */
public class RunningHotline implements BeforeAllCallback, ParameterResolver {

    static final String TOKEN_PROPERTY = "hotline.token";

    private static volatile Tokens trusted;

    /** The issuer the running hotline's services trust, for tests that mint tokens of their own. */
    static Tokens trustedTokens() {
        return trusted;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        hotline();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Hotline.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return hotline();
    }

    /**
     * One stack per JVM, kept in a static field rather than in JUnit's root store: with two
     * failsafe JVMs each test class arrives as a run of its own, whose root store (and whatever
     * it holds) is closed when that class ends. The stack is stopped by the shutdown hook
     * {@link Hotline#start} registers, when the JVM ends.
     */
    private static Hotline shared;

    private static synchronized Hotline hotline() {
        if (shared == null) {
            shared = Hotline.start();
        }
        return shared;
    }

    /** Handles to the running system. Closed (everything stopped and deleted) when the test JVM ends. */
    public static final class Hotline implements AutoCloseable {

        private final LocalStack stack;
        private final TraceCollector traces;

        private Hotline(LocalStack stack, TraceCollector traces) {
            this.stack = stack;
            this.traces = traces;
        }

        /**
         * The services export their traces to a receiver in this JVM; only requests that arrive
         * with a sampled {@code traceparent} are traced (see {@link TraceCollector}), so the one
         * stack serves the trace tests and costs the other suites nothing. They log as production
         * does, JSON lines, which {@link ServiceLog} reads.
         */
        static Hotline start() {
            Path work = repoRoot().resolve("system-tests/target/system-run-" + UUID.randomUUID().toString().substring(0, 8));
            TraceCollector traces = TraceCollector.start();
            Map<String, String> environment = new HashMap<>(traces.serviceEnvironment());
            // Production's format (each service's %prod setting), which ./stack turns off for people
            // reading its logs: the scans for leaked data read the lines a log collector would get.
            environment.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true");
            LocalStack stack = new LocalStack(LocalStack.Settings.forTests(repoRoot(), work)
                    .withServiceEnvironment(environment));
            Hotline hotline = new Hotline(stack, traces);
            Runtime.getRuntime().addShutdownHook(new Thread(hotline::close));
            trustOneTokenForEveryRole(stack);
            try {
                stack.up(false, Console.system());
            } catch (RuntimeException e) {
                hotline.close();
                throw e;
            }
            return hotline;
        }

        /**
         * Every request of a system test carries one token of the stack's issuer holding every
         * role (RestAssured by default, RawHttp and the history generator through
         * {@value #TOKEN_PROPERTY}); tests about tokens and roles send their own. As a supervisor
         * it reads any case's history and any contact with a reason (need to know); tests of need
         * to know send officers' own tokens.
         */
        private static void trustOneTokenForEveryRole(LocalStack stack) {
            trusted = stack.tokens();
            String token = stack.tokens().mintValidFor(java.time.Duration.ofHours(6), "system-test",
                    "operator", "case-officer", "supervisor", "analyst", "admin");
            io.restassured.RestAssured.authentication = io.restassured.RestAssured.oauth2(token);
            System.setProperty(TOKEN_PROPERTY, token);
        }

        static Path repoRoot() {
            return RepositoryRoot.locate();
        }

        public String intakeUrl() {
            return intake().baseUrl();
        }

        public String caseUrl() {
            return cases().baseUrl();
        }

        public String statsUrl() {
            return stats().baseUrl();
        }

        /** The spans the services exported. */
        TraceCollector traces() {
            return traces;
        }

        public PostgresCluster postgres() {
            return stack.postgres();
        }

        public KafkaBroker kafka() {
            return stack.kafka();
        }

        /** The stack's folder: its logs, its secrets. */
        Path home() {
            return stack.settings().home().toAbsolutePath().normalize();
        }

        /** The secrets the stack handed the services: tests look for them where they must not be. */
        StackSecrets secrets() {
            return new StackSecrets(stack.settings().home());
        }

        /** The ops dashboard's address, as Keycloak's client for it knows it (localhost). */
        String dashboardUrl() {
            return stack.dashboardUrl() + "/";
        }

        /** The stack's Keycloak, which the dashboard signs in through. */
        KeycloakServer keycloak() {
            return stack.keycloak();
        }

        /** The password of the realm's example users on this stack (deploy/keycloak/local/). */
        String exampleUsersPassword() {
            return secrets().exampleUsersPassword();
        }

        ServiceProcess intake() {
            return stack.intake();
        }

        ServiceProcess cases() {
            return stack.cases();
        }

        ServiceProcess stats() {
            return stack.stats();
        }

        /**
         * Starts every part of the stack that does not run, PostgreSQL and Kafka first, each
         * waiting until it is ready: a scenario that stops parts calls it in {@code finally}, so
         * that a wait that failed in the middle leaves the next test the whole stack.
         */
        void bringBackWhatIsDown() {
            if (!postgres().isRunning()) {
                postgres().start();
            }
            if (!kafka().isRunning()) {
                kafka().restart();
            }
            for (ServiceProcess service : List.of(intake(), cases(), stats())) {
                if (!service.isRunning()) {
                    service.start();
                }
            }
        }

        /** Two services stopped or started side by side: each call waits for its own process. */
        static void sideBySide(Runnable one, Runnable other) {
            CompletableFuture<Void> first = CompletableFuture.runAsync(one);
            other.run();
            first.join();
        }

        /** One more instance of case- or stats-service, in the same consumer group; not started. */
        ServiceProcess addInstance(ServiceProcess of) {
            return stack.addInstance(of, Ports.freePort());
        }

        List<ServiceProcess> services() {
            return stack.services();
        }

        public List<Path> serviceLogs() {
            return services().stream().map(ServiceProcess::log).toList();
        }

        @Override
        public synchronized void close() {
            stack.down(Console.silent());
            stack.postgres().delete();
            traces.close();
        }
    }
}
