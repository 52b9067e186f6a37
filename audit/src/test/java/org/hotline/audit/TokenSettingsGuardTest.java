package org.hotline.audit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class TokenSettingsGuardTest {

    private static final Optional<String> LOCATION = Optional.of("https://keycloak.example/realms/hotline/certs");
    private static final Optional<String> ISSUER = Optional.of("https://keycloak.example/realms/hotline");
    private static final Optional<String> AUDIENCE = Optional.of("intake-service");
    private static final Optional<Long> HOUR = Optional.of(3600L);

    @Test
    void everySettingGivenPasses() {
        assertThatCode(() -> TokenSettingsGuard.refuse(LOCATION, Optional.empty(), ISSUER, AUDIENCE, HOUR))
                .doesNotThrowAnyException();
    }

    @Test
    void eachMissingSettingIsNamed() {
        assertThatThrownBy(() -> TokenSettingsGuard.refuse(Optional.empty(), Optional.of(" "), ISSUER, AUDIENCE, HOUR))
                .hasMessageStartingWith("MP_JWT_VERIFY_PUBLICKEY_LOCATION is not set");
        assertThatThrownBy(() -> TokenSettingsGuard.refuse(LOCATION, Optional.empty(), Optional.empty(), AUDIENCE, HOUR))
                .hasMessageStartingWith("MP_JWT_VERIFY_ISSUER is not set");
        assertThatThrownBy(() -> TokenSettingsGuard.refuse(LOCATION, Optional.empty(), ISSUER, Optional.of(""), HOUR))
                .hasMessageStartingWith("MP_JWT_VERIFY_AUDIENCES is not set");
        assertThatThrownBy(() -> TokenSettingsGuard.refuse(LOCATION, Optional.empty(), ISSUER, AUDIENCE, Optional.of(0L)))
                .hasMessageStartingWith("SMALLRYE_JWT_TIME_TO_LIVE must be a positive");
    }
}
