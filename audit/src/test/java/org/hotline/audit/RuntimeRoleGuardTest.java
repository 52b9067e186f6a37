package org.hotline.audit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RuntimeRoleGuardTest {

    @Test
    void aRuntimeRoleThatOwnsNothingMayRun() {
        assertThatCode(() -> RuntimeRoleGuard.refuse("intake_app", false, false)).doesNotThrowAnyException();
    }

    @Test
    void aSuperuserMayNotRunTheService() {
        assertThatThrownBy(() -> RuntimeRoleGuard.refuse("postgres", true, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("postgres, a superuser");
    }

    @Test
    void theOwnerOfTheAuditLogMayNotRunTheService() {
        assertThatThrownBy(() -> RuntimeRoleGuard.refuse("intake_owner", false, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the owner of audit_log");
    }
}
