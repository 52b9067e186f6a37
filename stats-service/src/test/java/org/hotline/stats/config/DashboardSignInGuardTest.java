package org.hotline.stats.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class DashboardSignInGuardTest {

    private static final Optional<String> PROVIDER = Optional.of("https://keycloak.example/realms/hotline");
    private static final Optional<String> CLIENT = Optional.of("ops-dashboard");
    private static final Optional<String> SECRET = Optional.of("9f1c0b7e4d2a6385b0e1f7c4a9d3e2b1");

    @Test
    void everySettingGivenPasses() {
        assertThatCode(() -> DashboardSignInGuard.refuse(PROVIDER, CLIENT, SECRET)).doesNotThrowAnyException();
    }

    @Test
    void eachMissingSettingIsNamed() {
        assertThatThrownBy(() -> DashboardSignInGuard.refuse(Optional.empty(), CLIENT, SECRET))
                .hasMessageStartingWith("QUARKUS_OIDC_AUTH_SERVER_URL is not set");
        assertThatThrownBy(() -> DashboardSignInGuard.refuse(PROVIDER, Optional.of(" "), SECRET))
                .hasMessageStartingWith("QUARKUS_OIDC_CLIENT_ID is not set");
        assertThatThrownBy(() -> DashboardSignInGuard.refuse(PROVIDER, CLIENT, Optional.empty()))
                .hasMessageStartingWith("QUARKUS_OIDC_CREDENTIALS_SECRET is not set");
    }

    @Test
    void aShortOrPlaceholderSecretIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> DashboardSignInGuard.refuse(PROVIDER, CLIENT, Optional.of("short-secret")))
                .hasMessageStartingWith("QUARKUS_OIDC_CREDENTIALS_SECRET is shorter than 32 characters")
                .hasMessageNotContaining("short-secret");
        assertThatThrownBy(() -> DashboardSignInGuard.refuse(PROVIDER, CLIENT,
                Optional.of("replace-me-with-the-ops-dashboard-client-secret")))
                .hasMessageContaining("QUARKUS_OIDC_CREDENTIALS_SECRET is a published placeholder")
                .hasMessageNotContaining("replace-me");
    }
}
