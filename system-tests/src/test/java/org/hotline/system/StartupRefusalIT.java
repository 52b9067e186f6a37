package org.hotline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.hotline.stack.JavaProcess;
import org.hotline.stack.LocalStack;
import org.hotline.stack.Ports;
import org.hotline.stack.ServiceDatabase;
import org.hotline.stack.ServiceMigration;
import org.hotline.stack.StackFailure;
import org.hotline.system.RunningHotline.Hotline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Production refuses to start with a setting that would make it unsafe, and says which one in a
 * line of its output: no token issuer, no audience, a published key (checked by value against
 * {@code PublishedSecrets}' list), a superuser, a member of the owner role, or the owner's password
 * as the running service's; and the one-shot migration refuses a published owner password. The checks (audit module's {@code TokenSettingsGuard}, {@code
 * RuntimeRoleGuard}, intake's {@code PlaceholderSecrets}) run only in production mode, so here the
 * packaged intake-service jar is started as production runs it, with the running stack's own
 * configuration and one setting wrong at a time, and must exit non-zero.
 *
 * <p>Each start gets a database of its own in the stack's PostgreSQL and a consumer group of its own
 * on its Kafka, so that a refused instance neither touches intake's data nor takes its partitions
 * for the moment it runs. The logs are in the stack's {@code logs} folder, {@code intake-refusal-*.log},
 * where the suites that look for leaked secrets scan them too.
 */
@ExtendWith(RunningHotline.class)
class StartupRefusalIT {

    /** The key dev mode uses: in intake-service's application.properties for anyone to read. */
    private static final String COMMITTED_DEV_MASTER_KEY = "LLtB5PB0iudXQJwltm3JcpTMEQhMhF6hAVlL1st/6O4=";
    /** The placeholder of every database password in .env.example. */
    private static final String ENV_EXAMPLE_PASSWORD = "replace-me-with-a-long-random-password";
    private static final SecureRandom RANDOM = new SecureRandom();

    private static ServiceDatabase database;
    /** A login role granted the owner role: it owns nothing itself, yet may SET ROLE to the owner. */
    private static String ownersMember;

    /**
     * A database of its own, migrated as every deployment migrates (intake's jar run once with
     * QUARKUS_INIT_AND_EXIT=true and the owner's login), so that each refused start gets past
     * Hibernate's schema validation to the check under test; and a role that is a member of its owner.
     */
    @BeforeAll
    static void aDatabaseOfItsOwn(Hotline hotline) throws SQLException {
        database = new ServiceDatabase("refusals", secret(), secret());
        hotline.postgres().createServiceDatabase(database);
        new ServiceMigration("intake-refusals", hotline.intake().jar(), hotline.home())
                .run(environment(hotline), database, Duration.ofMinutes(3));
        ownersMember = database.name() + "_member";
        try (Connection connection = hotline.postgres().connect("postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("create role " + ownersMember + " login nosuperuser password '" + secret() + "'");
            statement.execute("grant " + database.owner() + " to " + ownersMember);
            statement.execute("grant connect on database " + database.name() + " to " + ownersMember);
        }
    }

    @Test
    void withoutTheTokenIssuerItRefusesToStart(Hotline hotline) throws Exception {
        assertRefused(hotline, "no-issuer", environment -> environment.remove("MP_JWT_VERIFY_ISSUER"),
                "MP_JWT_VERIFY_ISSUER is not set");
    }

    @Test
    void withoutTheTokenAudienceItRefusesToStart(Hotline hotline) throws Exception {
        assertRefused(hotline, "no-audience", environment -> environment.remove("MP_JWT_VERIFY_AUDIENCES"),
                "MP_JWT_VERIFY_AUDIENCES is not set");
    }

    @Test
    void acceptingAnotherServicesAudienceItRefusesToStart(Hotline hotline) throws Exception {
        assertRefused(hotline, "stats-audience",
                environment -> environment.put("MP_JWT_VERIFY_AUDIENCES", "intake-service,case-service,stats-service"),
                "MP_JWT_VERIFY_AUDIENCES lists stats-service, neither this service's audience nor");
    }

    @Test
    void withARelayKeyThatIsNoKeyItRefusesToStart(Hotline hotline) throws Exception {
        assertRefused(hotline, "relay-placeholder",
                environment -> environment.put("HOTLINE_TOKENS_RELAY_PEER_KEY", "replace-me-with-case-services-public-key"),
                "HOTLINE_TOKENS_RELAY_PEER_KEY is not an EC public key");
    }

    @Test
    void withTheCommittedDevMasterKeyItRefusesToStart(Hotline hotline) throws Exception {
        assertRefused(hotline, "dev-master-key",
                environment -> environment.put("HOTLINE_PERSONAL_DATA_MASTER_KEY", COMMITTED_DEV_MASTER_KEY),
                "hotline.personal-data.master-key is a published placeholder");
    }

    @Test
    void withoutItsDatabaseItRefusesToStart(Hotline hotline) throws Exception {
        // %prod has no database defaults: Quarkus itself refuses, naming the setting.
        assertRefused(hotline, "no-database", environment -> environment.remove("QUARKUS_DATASOURCE_JDBC_URL"),
                "quarkus.datasource.jdbc.url");
    }

    @Test
    void asASuperuserItRefusesToStart(Hotline hotline) throws Exception {
        // The stack's cluster trusts local logins, so this one gets in and is refused by the service itself.
        assertRefused(hotline, "superuser",
                environment -> environment.put("QUARKUS_DATASOURCE_USERNAME", hotline.postgres().user()),
                "a superuser: set QUARKUS_DATASOURCE_USERNAME");
    }

    @Test
    void asAMemberOfTheOwnerRoleItRefusesToStart(Hotline hotline) throws Exception {
        // The stack's cluster checks no password: the member logs in, and the service itself refuses it.
        assertRefused(hotline, "owners-member",
                environment -> environment.put("QUARKUS_DATASOURCE_USERNAME", ownersMember),
                ownersMember + ", a member of " + database.owner() + ", which owns");
    }

    @Test
    void withTheOwnersPasswordItRefusesToStart(Hotline hotline) throws Exception {
        assertRefused(hotline, "owners-password", environment -> {
            environment.put("QUARKUS_FLYWAY_USERNAME", database.owner());
            environment.put("QUARKUS_FLYWAY_PASSWORD", database.ownerPassword());
        }, "quarkus.flyway.password (QUARKUS_FLYWAY_PASSWORD) is set");
    }

    @Test
    void withAPublishedOwnerPasswordTheMigrationRefusesToRun(Hotline hotline) throws Exception {
        ServiceMigration migration = new ServiceMigration("intake-refusal-owner-placeholder", hotline.intake().jar(),
                hotline.home());
        Files.deleteIfExists(migration.log());
        ServiceDatabase published = new ServiceDatabase(database.name(), ENV_EXAMPLE_PASSWORD, database.runtimePassword());

        assertThatThrownBy(() -> migration.run(environment(hotline), published, Duration.ofMinutes(3)))
                .isInstanceOf(StackFailure.class).hasMessageContaining("failed (exit status");
        // Quarkus quotes the refusal again in the message of the bean creation it broke, so the line
        // counted is the refusal's own.
        assertThat(Files.readAllLines(migration.log(), StandardCharsets.ISO_8859_1).stream()
                .filter(text -> text.startsWith("Caused by: java.lang.IllegalStateException: quarkus.flyway.password"
                        + " is a published placeholder")))
                .as("the migration's output, in " + migration.log()).hasSize(1);
    }

    /**
     * Starts the packaged intake with the stack's configuration as changed by {@code wrong}, waits
     * for it to exit, and requires a non-zero status and one line of its output holding {@code line} (repeated or not).
     */
    private static void assertRefused(Hotline hotline, String name, Consumer<Map<String, String>> wrong, String line)
            throws IOException, InterruptedException {
        Map<String, String> environment = environment(hotline);
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(Ports.freePort()));
        wrong.accept(environment);

        String part = "intake-refusal-" + name;
        Path log = hotline.home().resolve("logs").resolve(part + ".log");
        Files.deleteIfExists(log);
        Process process = new JavaProcess(hotline.home(), part, log).startAttached(
                Stream.concat(Stream.of("-Xmx256m"), LocalStack.Settings.QUICK_START.stream()).toList(),
                List.of("-jar", hotline.intake().jar().toString()), environment, hotline.home());
        try {
            // A deadline for a process that, wrongly, starts and serves: the refusal itself takes seconds.
            assertThat(process.waitFor(3, TimeUnit.MINUTES)).as(part + " exited; its log is " + log).isTrue();
        } finally {
            process.destroyForcibly();
        }
        List<String> output = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
        assertThat(process.exitValue()).as(part + "'s exit status; its log is " + log).isNotZero();
        // One line: the same line twice counts once (Quarkus repeats a deactivated datasource's
        // reason for each bean that needs it), two different lines do not.
        assertThat(output.stream().filter(text -> text.contains(line)).distinct()).as(part + "'s output, in " + log)
                .hasSize(1);
    }

    /** intake's configuration in the running stack, on the database of these tests, as its runtime role. */
    private static Map<String, String> environment(Hotline hotline) {
        Map<String, String> environment = new HashMap<>(hotline.intake().environment());
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", hotline.postgres().jdbcUrl(database.name()));
        environment.put("QUARKUS_DATASOURCE_USERNAME", database.runtimeRole());
        environment.put("QUARKUS_DATASOURCE_PASSWORD", database.runtimePassword());
        environment.put("MP_MESSAGING_INCOMING_CASES_IN_GROUP_ID", "intake-refusals");
        // The refusal is read line by line, as a person reads it in a terminal: plain text, not the
        // JSON lines the stack's services write for the scans of their logs (RunningHotline).
        environment.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        return environment;
    }

    private static String secret() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
