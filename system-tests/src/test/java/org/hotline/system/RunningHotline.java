package org.hotline.system;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hotline.testing.PrivatePostgres;
import org.hotline.testing.Tokens;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The whole hotline, started once for all system tests: one real Kafka broker (its own JVM), one
 * private PostgreSQL cluster with the three databases, and the three packaged services as separate
 * processes on free ports. Tests get a {@link Hotline} parameter and talk to it over REST; fault
 * tests also kill and restart its parts. Intake and case-service reach each other through the
 * REST client URLs of the configuration contract.
 */
public class RunningHotline implements BeforeAllCallback, ParameterResolver {

    /** Where the system tests' own token is kept, for clients that are not RestAssured. */
    static final String TOKEN_PROPERTY = "hotline.token";

    @Override
    public void beforeAll(ExtensionContext context) {
        hotline(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Hotline.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return hotline(context);
    }

    private static Hotline hotline(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Hotline.class, key -> Hotline.start(), Hotline.class);
    }

    /** Handles to the running system. Closed (everything stopped) when the test run ends. */
    public static final class Hotline implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        final PrivatePostgres postgres;
        final KafkaBroker kafka;
        final ServiceProcess intake;
        final ServiceProcess cases;
        final ServiceProcess stats;

        private Hotline(PrivatePostgres postgres, KafkaBroker kafka, ServiceProcess intake, ServiceProcess cases,
                ServiceProcess stats) {
            this.postgres = postgres;
            this.kafka = kafka;
            this.intake = intake;
            this.cases = cases;
            this.stats = stats;
        }

        static Hotline start() {
            Path repoRoot = repoRoot();
            Path work = repoRoot.resolve("system-tests/target/system-run-" + UUID.randomUUID().toString().substring(0, 8));
            Path logs = work.resolve("logs");
            PrivatePostgres postgres = PrivatePostgres.start(work.resolve("postgres"));
            postgres.createDatabases("intake", "cases", "stats");
            KafkaBroker kafka = KafkaBroker.start(work.resolve("kafka"), logs);
            String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
            trustOneTokenForEveryRole();

            // Ports are chosen before any service starts, so each can be told where the other is.
            int intakePort = freePort();
            int casePort = freePort();
            ServiceProcess intake = service("intake-service", "intake", intakePort, repoRoot, work, postgres, kafka,
                    Map.of("HOTLINE_CALLER_KEY_SECRET", secret,
                            "HOTLINE_PERSONAL_DATA_MASTER_KEY",
                            java.util.Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32)),
                            "QUARKUS_REST_CLIENT_CASE_SERVICE_URL", "http://127.0.0.1:" + casePort));
            ServiceProcess cases = service("case-service", "cases", casePort, repoRoot, work, postgres, kafka,
                    Map.of("QUARKUS_REST_CLIENT_INTAKE_SERVICE_URL", "http://127.0.0.1:" + intakePort));
            ServiceProcess stats = service("stats-service", "stats", freePort(), repoRoot, work, postgres, kafka,
                    Map.of());
            Hotline hotline = new Hotline(postgres, kafka, intake, cases, stats);
            try {
                // Started one after another: on two cores, three JVMs booting at once only slow each other.
                for (ServiceProcess service : List.of(intake, cases, stats)) {
                    service.start();
                }
            } catch (RuntimeException e) {
                hotline.close();
                throw e;
            }
            return hotline;
        }

        private static ServiceProcess service(String name, String database, int port, Path repoRoot, Path work,
                PrivatePostgres postgres, KafkaBroker kafka, Map<String, String> extra) {
            Map<String, String> environment = new java.util.HashMap<>(Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database),
                    "QUARKUS_DATASOURCE_USERNAME", postgres.user(),
                    "QUARKUS_DATASOURCE_PASSWORD", "",
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()));
            // Each service trusts the test key pair's tokens (MP_JWT_VERIFY_* : key location, issuer, audience).
            environment.putAll(Tokens.forTests().verificationEnvironment());
            environment.putAll(extra);
            return new ServiceProcess(name, repoRoot, work.resolve("logs"), port, environment);
        }

        /**
         * Every request of a system test carries one token holding every role (RestAssured by
         * default, RawHttp and the history generator through {@value #TOKEN_PROPERTY}); tests about
         * tokens and roles send their own.
         */
        private static void trustOneTokenForEveryRole() {
            String token = Tokens.forTests().mintValidFor(java.time.Duration.ofHours(6), "system-test",
                    "operator", "case-officer", "analyst", "admin");
            io.restassured.RestAssured.authentication = io.restassured.RestAssured.oauth2(token);
            System.setProperty(TOKEN_PROPERTY, token);
        }

        private static int freePort() {
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static Path repoRoot() {
            String configured = System.getProperty("hotline.repo.root");
            Path root = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
            return root.toAbsolutePath().normalize();
        }

        public String intakeUrl() {
            return intake.baseUrl();
        }

        public String caseUrl() {
            return cases.baseUrl();
        }

        public String statsUrl() {
            return stats.baseUrl();
        }

        public PrivatePostgres postgres() {
            return postgres;
        }

        public KafkaBroker kafka() {
            return kafka;
        }

        ServiceProcess intake() {
            return intake;
        }

        ServiceProcess cases() {
            return cases;
        }

        ServiceProcess stats() {
            return stats;
        }

        List<ServiceProcess> services() {
            return List.of(intake, cases, stats);
        }

        public List<Path> serviceLogs() {
            return List.of(intake.log(), cases.log(), stats.log());
        }

        @Override
        public void close() {
            for (ServiceProcess service : List.of(stats, cases, intake)) {
                service.close();
            }
            kafka.close();
            postgres.close();
        }
    }
}
