package org.hotline.audit;

import java.util.Arrays;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hotline.audit.trust.RelayTokens;
import org.hotline.audit.trust.TokenAudienceConfig;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses to run production without the token settings that make a bearer token mean something:
 * smallrye-jwt skips the issuer and audience checks when they are not set, and without a key it
 * refuses every token, so each is a fault at start with one line that names it, not a surprise
 * later. (It lives in this module because every service has it, beside its other start-up checks.)
 */
@ApplicationScoped
public class TokenSettingsGuard {

    private final Optional<String> keyLocation;
    private final Optional<String> key;
    private final Optional<String> issuer;
    private final Optional<String> audiences;
    private final Optional<Long> maxLifetimeSeconds;
    private final TokenAudienceConfig audience;
    private final RelayTokens relays;

    public TokenSettingsGuard(
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> keyLocation,
            @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> key,
            @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer,
            @ConfigProperty(name = "mp.jwt.verify.audiences") Optional<String> audiences,
            @ConfigProperty(name = "smallrye.jwt.time-to-live") Optional<Long> maxLifetimeSeconds,
            TokenAudienceConfig audience, RelayTokens relays) {
        this.keyLocation = keyLocation;
        this.key = key;
        this.issuer = issuer;
        this.audiences = audiences;
        this.maxLifetimeSeconds = maxLifetimeSeconds;
        this.audience = audience;
        this.relays = relays;
    }

    void check(@Observes @Priority(StartupRefusal.FIRST) StartupEvent started) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            refuse(keyLocation, key, issuer, audiences, maxLifetimeSeconds);
            refuseAudiences(audiences.orElseThrow(), audience.audience(), audience.relay().peer(),
                    audience.relay().peerKey(), audience.relay().signingKey());
            // Reads both relay keys now, so that one that is not a key stops the start, not a request.
            relays.acceptsRelays();
        }
    }

    static void refuse(Optional<String> keyLocation, Optional<String> key, Optional<String> issuer,
            Optional<String> audiences, Optional<Long> maxLifetimeSeconds) {
        if (blank(keyLocation) && blank(key)) {
            throw new IllegalStateException("MP_JWT_VERIFY_PUBLICKEY_LOCATION is not set: name the token issuer's"
                    + " JWKS URL or public key file");
        }
        if (blank(issuer)) {
            throw new IllegalStateException("MP_JWT_VERIFY_ISSUER is not set: without it a token from any issuer"
                    + " the key signs would be accepted");
        }
        if (blank(audiences)) {
            throw new IllegalStateException("MP_JWT_VERIFY_AUDIENCES is not set: without it a token meant for"
                    + " another service would be accepted");
        }
        if (maxLifetimeSeconds.isEmpty() || maxLifetimeSeconds.get() <= 0) {
            throw new IllegalStateException("SMALLRYE_JWT_TIME_TO_LIVE must be a positive number of seconds:"
                    + " the longest lifetime a token may have");
        }
    }

    /**
     * One audience per service: the accepted audiences are this service's own and, where it takes
     * relayed calls, its peer's, whose tokens {@code RelayedTokenCheck} then holds to the relay rule
     * (which needs both keys). Any other audience would let another service's tokens in.
     */
    static void refuseAudiences(String accepted, String own, Optional<String> peer, Optional<String> peerKey,
            Optional<String> signingKey) {
        var listed = Arrays.stream(accepted.split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList();
        if (!listed.contains(own)) {
            throw new IllegalStateException("MP_JWT_VERIFY_AUDIENCES does not list HOTLINE_TOKENS_AUDIENCE (" + own
                    + "): this service's own tokens would be refused");
        }
        for (String other : listed) {
            if (!other.equals(own) && !peer.filter(other::equals).isPresent()) {
                throw new IllegalStateException("MP_JWT_VERIFY_AUDIENCES lists " + other + ", neither this service's"
                        + " audience nor HOTLINE_TOKENS_RELAY_PEER: tokens meant for another service would be accepted");
            }
        }
        if (!blank(peer) && blank(peerKey)) {
            throw new IllegalStateException("HOTLINE_TOKENS_RELAY_PEER_KEY is not set: the peer's relay tokens"
                    + " could not be verified");
        }
        if (!blank(peer) && blank(signingKey)) {
            throw new IllegalStateException("HOTLINE_TOKENS_RELAY_SIGNING_KEY is not set: this service could not"
                    + " relay an officer's call to its peer");
        }
    }

    private static boolean blank(Optional<String> value) {
        return value.map(String::isBlank).orElse(true);
    }
}
