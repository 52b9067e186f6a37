package org.hotline.audit.trust;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Which tokens this service is the audience of, and the one peer service whose relayed calls it
 * takes. Each service has an audience of its own ({@code intake-service}, {@code case-service},
 * {@code stats-service}), so a token the identity provider minted for the dashboard is no good at
 * intake. intake and case-service call each other on an officer's behalf (a case officer's read of
 * personal data; an operator's follow-up naming a case): such a call carries the officer's own token,
 * meant for the service he called, together with a short relay token the calling service signs with
 * a key of its own ({@link RelayTokens}).
 */
@ConfigMapping(prefix = "hotline.tokens")
public interface TokenAudienceConfig {

    /** This service's own audience: a token that names it is accepted on its own. */
    String audience();

    Relay relay();

    interface Relay {

        /**
         * The audience of the one service whose relayed calls this service accepts, and to which it
         * relays its own. Unset: this service neither accepts nor sends relayed calls.
         */
        Optional<String> peer();

        /** The peer's public key (EC P-256, X.509 SubjectPublicKeyInfo in Base64): verifies its relay tokens. */
        Optional<String> peerKey();

        /** This service's private key (EC P-256, PKCS#8 in Base64): signs the relay tokens it sends. */
        Optional<String> signingKey();

        /** How long a relay token is good for: one call, with its retries. */
        @WithDefault("60s")
        Duration lifetime();
    }
}
