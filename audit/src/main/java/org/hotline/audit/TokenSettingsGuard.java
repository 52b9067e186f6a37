package org.hotline.audit;

import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

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

    public TokenSettingsGuard(
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> keyLocation,
            @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> key,
            @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer,
            @ConfigProperty(name = "mp.jwt.verify.audiences") Optional<String> audiences,
            @ConfigProperty(name = "smallrye.jwt.time-to-live") Optional<Long> maxLifetimeSeconds) {
        this.keyLocation = keyLocation;
        this.key = key;
        this.issuer = issuer;
        this.audiences = audiences;
        this.maxLifetimeSeconds = maxLifetimeSeconds;
    }

    void check(@Observes @Priority(StartupRefusal.FIRST) StartupEvent started) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            refuse(keyLocation, key, issuer, audiences, maxLifetimeSeconds);
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

    private static boolean blank(Optional<String> value) {
        return value.map(String::isBlank).orElse(true);
    }
}
