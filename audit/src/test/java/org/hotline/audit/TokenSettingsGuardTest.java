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
        Optional<String> peer = Optional.of("hotline-case");
        Optional<String> key = Optional.of("a-key");
        assertThatCode(() -> TokenSettingsGuard.refuseAudiences("hotline-intake, hotline-case", "hotline-intake", peer,
                key, key)).doesNotThrowAnyException();
        assertThatCode(() -> TokenSettingsGuard.refuseAudiences("hotline-stats", "hotline-stats", Optional.empty(),
                Optional.empty(), Optional.empty())).doesNotThrowAnyException();
        assertThatThrownBy(() -> TokenSettingsGuard.refuseAudiences("hotline", "hotline-intake", peer, key, key))
                .hasMessageStartingWith("MP_JWT_VERIFY_AUDIENCES does not list HOTLINE_TOKENS_AUDIENCE");
        assertThatThrownBy(() -> TokenSettingsGuard.refuseAudiences("hotline-stats,hotline-intake", "hotline-stats",
                Optional.empty(), Optional.empty(), Optional.empty()))
                .hasMessageStartingWith("MP_JWT_VERIFY_AUDIENCES lists hotline-intake, neither");
        assertThatThrownBy(() -> TokenSettingsGuard.refuseAudiences("hotline-intake,hotline-case", "hotline-intake",
                peer, Optional.empty(), key)).hasMessageStartingWith("HOTLINE_TOKENS_RELAY_PEER_KEY is not set");
        assertThatThrownBy(() -> TokenSettingsGuard.refuseAudiences("hotline-intake,hotline-case", "hotline-intake",
                peer, key, Optional.of(" "))).hasMessageStartingWith("HOTLINE_TOKENS_RELAY_SIGNING_KEY is not set");
    }
}
