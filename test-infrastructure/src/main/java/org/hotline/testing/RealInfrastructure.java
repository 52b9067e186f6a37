package org.hotline.testing;

import org.hotline.stack.Tokens;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.hotline.stack.PostgresCluster;
import org.hotline.stack.ServiceDatabase;

/**
 * Test resource for {@code @QuarkusTest}: one real Kafka broker and one private PostgreSQL
 * cluster per test JVM, shared by every test class of the module (they start in a few seconds,
 * but not for free). Arg {@code database} names the service's database.
 *
 * <p>Usage: {@code @WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))}
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static LocalKafka kafka;
    private static PostgresCluster postgres;
    private static final Map<String, ServiceDatabase> DATABASE_ROLES = new HashMap<>();

    private String database = "hotline";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        startShared();
        ServiceDatabase roles = serviceDatabase(database);
        postgres.createServiceDatabase(roles);
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        // As in production: the service runs as its runtime role, Flyway migrates as the owner.
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        config.put("quarkus.datasource.username", roles.runtimeRole());
        config.put("quarkus.datasource.password", roles.runtimePassword());
        config.put("quarkus.flyway.username", roles.owner());
        config.put("quarkus.flyway.password", roles.ownerPassword());
        // Every service checks bearer tokens; tests mint theirs with the key trusted here.
        // for the audience of the service this database is (intake, cases, stats).
        config.putAll(Tokens.forTests().verification(Tokens.audienceOf(database)));
        return config;
    }

    /**
     * A database's roles with this JVM's passwords. The throw-away cluster trusts local connections,
     * so the passwords are not checked; they are set, as a real server needs them.
     */
    public static synchronized ServiceDatabase serviceDatabase(String database) {
        return DATABASE_ROLES.computeIfAbsent(database, name -> new ServiceDatabase(name, randomPassword(),
                randomPassword()));
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The shared broker, for tests that produce or consume directly. */
    public static synchronized LocalKafka kafka() {
        startShared();
        return kafka;
    }

    /** The shared PostgreSQL cluster, for tests that look into a database directly. */
    public static synchronized PostgresCluster postgres() {
        startShared();
        return postgres;
    }

    private static synchronized void startShared() {
        if (kafka == null) {
            Path base = Path.of("target", "real-infrastructure", UUID.randomUUID().toString().substring(0, 8));
            postgres = PostgresCluster.startThrowaway(base.resolve("postgres"));
            kafka = LocalKafka.start(base.resolve("kafka"));
        }
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; shutdown hooks stop both at exit.
    }
}
