package org.hotline.audit;

import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import io.quarkus.runtime.LaunchMode;
import jakarta.inject.Singleton;

/**
 * Refuses to migrate production with the published placeholder of the owner's password (that of
 * {@code .env.example}, or any other value in the repository). The owner's login reaches only the
 * one-shot migration, which exits before {@link RuntimeRoleGuard} would run, so the check sits
 * here: Quarkus hands Flyway's configuration to every such bean before Flyway connects, in the
 * migration run alone (the running service keeps Flyway off). It changes nothing in the configuration.
 */
@Singleton
public class OwnerLoginCheck implements FlywayConfigurationCustomizer {

    private final Optional<String> ownerPassword;

    public OwnerLoginCheck(@ConfigProperty(name = "quarkus.flyway.password") Optional<String> ownerPassword) {
        this.ownerPassword = ownerPassword;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            PublishedSecrets.refuseIfPublished("quarkus.flyway.password", ownerPassword);
        }
    }
}
