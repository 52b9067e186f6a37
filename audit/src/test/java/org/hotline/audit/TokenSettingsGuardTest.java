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

    @Test
    void eachServiceAcceptsItsOwnAudienceAndOnlyItsRelayPeersBeside() {
        Optional<String> peer = Optional.of("case-service");
        Optional<String> key = Optional.of("a-key");
        assertThatCode(() -> TokenSettingsGuard.refuseAudiences("intake-service, case-service", "intake-service", peer,
                key, key)).doesNotThrowAnyException();
        assertThatCode(() -> TokenSettingsGuard.refuseAudiences("stats-service", "stats-service", Optional.empty(),
                Optional.empty(), Optional.empty())).doesNotThrowAnyException();
        assertThatThrownBy(() -> TokenSettingsGuard.refuseAudiences("hotline", "intake-service", peer, key, key))
                .hasMessageStartingWith("MP_JWT_VERIFY_AUDIENCES does not list HOTLINE_TOKENS_AUDIENCE");
        assertThatThrownBy(() -> TokenSettingsGuard.refuseAudiences("stats-service,intake-service", "stats-service",
                Optional.empty(), Optional.empty(), Optional.empty()))
                .hasMessageStartingWith("MP_JWT_VERIFY_AUDIENCES lists intake-service, neither");
        assertThatThrownBy(() -> TokenSettingsGuard.refuseAudiences("intake-service,case-service", "intake-service",
                peer, Optional.empty(), key)).hasMessageStartingWith("HOTLINE_TOKENS_RELAY_PEER_KEY is not set");
        assertThatThrownBy(() -> TokenSettingsGuard.refuseAudiences("intake-service,case-service", "intake-service",
                peer, key, Optional.of(" "))).hasMessageStartingWith("HOTLINE_TOKENS_RELAY_SIGNING_KEY is not set");
    }
}
