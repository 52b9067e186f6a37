package org.hotline.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service's one-shot migration, as every deployment runs it: the service's own packaged jar
 * started with {@code QUARKUS_INIT_AND_EXIT=true} and the database owner's login. Quarkus runs the
 * Flyway migrations and exits before the service would start (compose's {@code NAME-migrate} and
 * the Kubernetes Job {@code SERVICE-flyway-init} do the same), so the owner's password is handed to
 * this short-lived process only, never to the running service.
 */
public final class ServiceMigration {

    private final String name;
    private final Path jar;
    private final Path workingDirectory;
    private final JavaProcess process;

    /** The migration of {@code of}'s database, logged to {@code logs/SERVICE-migration.log}. */
    public ServiceMigration(ServiceProcess of, Path stackHome) {
        this(of.name(), of.jar(), stackHome);
    }

    /** A migration named {@code name} (its log is {@code logs/NAME-migration.log}) run with {@code jar}. */
    public ServiceMigration(String name, Path jar, Path stackHome) {
        this.name = name;
        this.jar = jar;
        this.workingDirectory = stackHome;
        this.process = new JavaProcess(stackHome, name + "-migration",
                stackHome.toAbsolutePath().normalize().resolve("logs").resolve(name + "-migration.log"));
    }

    public String name() {
        return name;
    }

    public Path log() {
        return process.log();
    }

    /**
     * Migrates the schema and returns once it is current; throws, naming the log, if the migration
     * fails or is still running after {@code timeout}. {@code serviceEnvironment} is what the service
     * itself runs with (Quarkus checks the whole configuration before it migrates).
     */
    public void run(Map<String, String> serviceEnvironment, ServiceDatabase roles, Duration timeout) {
        if (!Files.isRegularFile(jar)) {
            throw new StackFailure(jar + " is missing: package the services first (./stack up --build)");
        }
        Map<String, String> environment = new HashMap<>(serviceEnvironment);
        environment.put("QUARKUS_INIT_AND_EXIT", "true");
        environment.put("QUARKUS_FLYWAY_USERNAME", roles.owner());
        environment.put("QUARKUS_FLYWAY_PASSWORD", roles.ownerPassword());
        // Nothing is served, but should Quarkus open its port before it exits, it takes a free one.
        environment.put("QUARKUS_HTTP_PORT", "0");
        Process running = process.startAttached(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"),
                List.of("-jar", jar.toString()), environment, workingDirectory);
        try {
            if (!running.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                running.destroyForcibly();
                throw new StackFailure("the migration of " + name + " did not end within " + timeout.toSeconds()
                        + " s; its log is " + log());
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new StackFailure("interrupted while migrating " + name, e);
        }
        if (running.exitValue() != 0) {
            throw new StackFailure("the migration of " + name + " failed (exit status " + running.exitValue()
                    + "); its log is " + log());
        }
    }
}
