package org.hotline.audit;

import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Refuses to run production as a database role that could rewrite the audit log: a superuser, or
 * the owner of {@code audit_log} (the role that runs the migrations). Either would turn an
 * append-only log into an editable one without anyone noticing, so it is a fault at start, not a
 * warning. It also refuses the published placeholder passwords of {@code .env.example} for both
 * logins. The local stack runs the production jars and passes the runtime role and passwords of
 * its own, so it passes.
 */
@ApplicationScoped
public class RuntimeRoleGuard {

    private final EntityManager entityManager;
    private final Optional<String> runtimePassword;
    private final Optional<String> migrationPassword;

    public RuntimeRoleGuard(EntityManager entityManager,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> runtimePassword,
            @ConfigProperty(name = "quarkus.flyway.password") Optional<String> migrationPassword) {
        this.entityManager = entityManager;
        this.runtimePassword = runtimePassword;
        this.migrationPassword = migrationPassword;
    }

    @Transactional
    void check(@Observes StartupEvent started) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        PublishedSecrets.refuseIfPublished("quarkus.datasource.password", runtimePassword);
        PublishedSecrets.refuseIfPublished("quarkus.flyway.password", migrationPassword);
        Object[] role = (Object[]) entityManager.createNativeQuery("select current_user::text, r.rolsuper,"
                        + " coalesce((select t.tableowner = current_user from pg_tables t"
                        + " where t.schemaname = 'public' and t.tablename = 'audit_log'), false)"
                        + " from pg_roles r where r.rolname = current_user")
                .getSingleResult();
        refuse((String) role[0], (Boolean) role[1], (Boolean) role[2]);
    }

    static void refuse(String user, boolean superuser, boolean ownsAuditLog) {
        if (superuser) {
            throw new IllegalStateException("the service connects to PostgreSQL as " + user + ", a superuser: set"
                    + " QUARKUS_DATASOURCE_USERNAME to the service's runtime role and QUARKUS_FLYWAY_USERNAME to"
                    + " the database's owner (see the README's database roles)");
        }
        if (ownsAuditLog) {
            throw new IllegalStateException("the service connects to PostgreSQL as " + user + ", the owner of"
                    + " audit_log, who could rewrite it: connect as the runtime role, migrate as the owner"
                    + " (QUARKUS_FLYWAY_USERNAME)");
        }
    }
}
