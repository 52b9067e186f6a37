package org.hotline.audit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.hotline.audit.RuntimeRoleGuard.RuntimeRole;
import org.junit.jupiter.api.Test;

class RuntimeRoleGuardTest {

    private static final RuntimeRole RUNTIME_ROLE = new RuntimeRole("intake_app", false, Optional.empty(), false,
            Optional.empty());

    @Test
    void aRuntimeRoleThatOwnsNothingAndBelongsToNoOwnerMayRun() {
        assertThatCode(() -> RuntimeRoleGuard.refuse(RUNTIME_ROLE)).doesNotThrowAnyException();
    }

    @Test
    void aServiceWithoutTheOwnersPasswordMayRun() {
        assertThatCode(() -> RuntimeRoleGuard.refuseTheOwnersLogin(false)).doesNotThrowAnyException();
    }

    @Test
    void aServiceGivenTheOwnersPasswordMayNotRun() {
        assertThatThrownBy(() -> RuntimeRoleGuard.refuseTheOwnersLogin(true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("quarkus.flyway.password (QUARKUS_FLYWAY_PASSWORD) is set");
    }

    @Test
    void aSuperuserMayNotRunTheService() {
        assertThatThrownBy(() -> RuntimeRoleGuard.refuse(new RuntimeRole("postgres", true, Optional.of("audit_log"),
                true, Optional.empty())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("postgres, a superuser: set QUARKUS_DATASOURCE_USERNAME");
    }

    @Test
    void theOwnerOfATableMayNotRunTheService() {
        assertThatThrownBy(() -> RuntimeRoleGuard.refuse(new RuntimeRole("intake_owner", false, Optional.of("audit_log"),
                true, Optional.empty())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("intake_owner, the owner of table audit_log");
    }

    @Test
    void theOwnerOfTheDatabaseMayNotRunTheService() {
        assertThatThrownBy(() -> RuntimeRoleGuard.refuse(new RuntimeRole("intake_owner", false, Optional.empty(), true,
                Optional.empty())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("intake_owner, the owner of the database");
    }

    @Test
    void aMemberOfTheOwnerMayNotRunTheService() {
        assertThatThrownBy(() -> RuntimeRoleGuard.refuse(new RuntimeRole("intake_app", false, Optional.empty(), false,
                Optional.of("intake_owner"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("intake_app, a member of intake_owner")
                .hasMessageContaining("QUARKUS_DATASOURCE_USERNAME could SET ROLE intake_owner");
    }
}
