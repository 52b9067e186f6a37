package org.hotline.audit;

import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Refuses to run production as a database role that could rewrite the audit log, or with a login
 * that could: any of them would turn an append-only log into an editable one without anyone
 * noticing, so it is a fault at start, not a warning. Refused:
 * <ul>
 * <li>the database owner's password in the service's configuration ({@code quarkus.flyway.password}):
 * only the one-shot migration, the same jar run with {@code QUARKUS_INIT_AND_EXIT=true}, holds it,
 * and it exits before this check would run;</li>
 * <li>a runtime login that is a superuser, owns the database or any table in it, or is a member of a
 * role that does (directly or through other roles: {@code pg_has_role(..., 'MEMBER')} follows
 * {@code pg_auth_members}), since a member may {@code SET ROLE} to it;</li>
 * <li>the published placeholder password of {@code .env.example} as the runtime login's.</li>
 * </ul>
 * The local stack runs the production jars with a runtime role and passwords of its own, so it passes.
 */
@ApplicationScoped
public class RuntimeRoleGuard {

    /** What PostgreSQL says of the runtime login, in one row: see {@link #refuse}. */
    private static final String ROLE_QUERY = """
            with owners as (
              select d.datdba as role from pg_database d where d.datname = current_database()
              union
              select c.relowner from pg_class c join pg_namespace n on n.oid = c.relnamespace
              where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%'
              union
              select r.oid from pg_roles r where r.rolsuper)
            select me.rolname::text, me.rolsuper,
              (select c.relname::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
               where c.relowner = me.oid and n.nspname not in ('pg_catalog', 'information_schema')
               and n.nspname not like 'pg\\_toast%' order by c.relname limit 1),
              (select d.datdba = me.oid from pg_database d where d.datname = current_database()),
              (select o.rolname::text from pg_roles o join owners on owners.role = o.oid
               where o.oid <> me.oid and pg_has_role(me.oid, o.oid, 'MEMBER') order by o.rolname limit 1)
            from pg_roles me where me.rolname = current_user""";

    private final EntityManager entityManager;
    private final Optional<String> runtimePassword;
    private final Optional<String> ownerPassword;

    public RuntimeRoleGuard(EntityManager entityManager,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> runtimePassword,
            @ConfigProperty(name = "quarkus.flyway.password") Optional<String> ownerPassword) {
        this.entityManager = entityManager;
        this.runtimePassword = runtimePassword;
        this.ownerPassword = ownerPassword;
    }

    @Transactional
    void check(@Observes @Priority(StartupRefusal.FIRST) StartupEvent started) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        refuseTheOwnersLogin(ownerPassword.isPresent());
        PublishedSecrets.refuseIfPublished("quarkus.datasource.password", runtimePassword);
        Object[] role = (Object[]) entityManager.createNativeQuery(ROLE_QUERY).getSingleResult();
        refuse(new RuntimeRole((String) role[0], (Boolean) role[1], Optional.ofNullable((String) role[2]),
                Boolean.TRUE.equals(role[3]), Optional.ofNullable((String) role[4])));
    }

    /** The runtime login as PostgreSQL sees it. */
    record RuntimeRole(String name, boolean superuser, Optional<String> ownedTable, boolean ownsDatabase,
            Optional<String> memberOfOwner) {
    }

    static void refuseTheOwnersLogin(boolean ownerPasswordSet) {
        if (ownerPasswordSet) {
            throw new IllegalStateException("quarkus.flyway.password (QUARKUS_FLYWAY_PASSWORD) is set: the running"
                    + " service must not hold the database owner's login; only its migration (the same jar with"
                    + " QUARKUS_INIT_AND_EXIT=true) gets it (see docs/ACCESS.md, \"Database roles\")");
        }
    }

    static void refuse(RuntimeRole role) {
        String connects = "the service connects to PostgreSQL as " + role.name();
        if (role.superuser()) {
            throw new IllegalStateException(connects + ", a superuser: set QUARKUS_DATASOURCE_USERNAME to the"
                    + " service's runtime role (see docs/ACCESS.md, \"Database roles\")");
        }
        if (role.ownedTable().isPresent() || role.ownsDatabase()) {
            throw new IllegalStateException(connects + ", the owner of "
                    + role.ownedTable().map(table -> "table " + table).orElse("the database")
                    + ", who could rewrite the audit log: set QUARKUS_DATASOURCE_USERNAME to the service's runtime"
                    + " role; only the migration logs in as the owner");
        }
        role.memberOfOwner().ifPresent(owner -> {
            throw new IllegalStateException(connects + ", a member of " + owner + ", which owns the database, its"
                    + " tables or everything: QUARKUS_DATASOURCE_USERNAME could SET ROLE " + owner + " and rewrite"
                    + " the audit log; revoke " + owner + " from " + role.name());
        });
    }
}
