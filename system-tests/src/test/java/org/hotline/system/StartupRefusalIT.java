package org.hotline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.hotline.stack.JavaProcess;
import org.hotline.stack.Ports;
import org.hotline.stack.ServiceDatabase;
import org.hotline.system.RunningHotline.Hotline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Production refuses to start with a setting that would make it unsafe, and says which one in a
 * line of its output. The checks (audit module's {@code TokenSettingsGuard}, {@code
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
    private static final SecureRandom RANDOM = new SecureRandom();

    private static ServiceDatabase database;

    @BeforeAll
    static void aDatabaseOfItsOwn(Hotline hotline) {
        database = new ServiceDatabase("refusals", secret(), secret());
        hotline.postgres().createServiceDatabase(database);
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
    void withTheCommittedDevMasterKeyItRefusesToStart(Hotline hotline) throws Exception {
        assertRefused(hotline, "dev-master-key",
                environment -> environment.put("HOTLINE_PERSONAL_DATA_MASTER_KEY", COMMITTED_DEV_MASTER_KEY),
                "hotline.personal-data.master-key is a published placeholder");
    }

    @Test
    void asASuperuserItRefusesToStart(Hotline hotline) throws Exception {
        // The stack's cluster trusts local logins, so this one gets in and is refused by the service itself.
        assertRefused(hotline, "superuser",
                environment -> environment.put("QUARKUS_DATASOURCE_USERNAME", hotline.postgres().user()),
                "a superuser: set QUARKUS_DATASOURCE_USERNAME");
    }

    /**
     * Starts the packaged intake with the stack's configuration as changed by {@code wrong}, waits
     * for it to exit, and requires a non-zero status and one line of its output holding {@code line}.
     */
    private static void assertRefused(Hotline hotline, String name, Consumer<Map<String, String>> wrong, String line)
            throws IOException, InterruptedException {
        Map<String, String> environment = new HashMap<>(hotline.intake().environment());
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(Ports.freePort()));
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", hotline.postgres().jdbcUrl(database.name()));
        environment.put("QUARKUS_DATASOURCE_USERNAME", database.runtimeRole());
        environment.put("QUARKUS_DATASOURCE_PASSWORD", database.runtimePassword());
        environment.put("QUARKUS_FLYWAY_USERNAME", database.owner());
        environment.put("QUARKUS_FLYWAY_PASSWORD", database.ownerPassword());
        environment.put("MP_MESSAGING_INCOMING_CASES_IN_GROUP_ID", "intake-refusals");
        wrong.accept(environment);

        String part = "intake-refusal-" + name;
        Path log = hotline.home().resolve("logs").resolve(part + ".log");
        Files.deleteIfExists(log);
        Process process = new JavaProcess(hotline.home(), part, log).startAttached(List.of("-Xmx256m"),
                List.of("-jar", hotline.intake().jar().toString()), environment, hotline.home());
        try {
            // A deadline for a process that, wrongly, starts and serves: the refusal itself takes seconds.
            assertThat(process.waitFor(3, TimeUnit.MINUTES)).as(part + " exited; its log is " + log).isTrue();
        } finally {
            process.destroyForcibly();
        }
        List<String> output = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
        assertThat(process.exitValue()).as(part + "'s exit status; its log is " + log).isNotZero();
        assertThat(output.stream().filter(text -> text.contains(line))).as(part + "'s output, in " + log).hasSize(1);
    }

    private static String secret() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
