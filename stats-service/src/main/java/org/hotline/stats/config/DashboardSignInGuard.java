package org.hotline.stats.config;

import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hotline.audit.PublishedSecrets;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses to run production without what the ops dashboard's sign-in needs: the identity provider,
 * and the secret of its client there, which also encrypts the session cookie and the PKCE verifier
 * (so it must be long). Without them the page could not sign anyone in, or would seal sessions
 * with a guessable key; each is a fault at start with one line that names it, as
 * {@code TokenSettingsGuard} does for bearer tokens. (quarkus-oidc refuses a missing provider
 * itself at start too, in its own words; a missing or short secret it would accept.)
 */
@ApplicationScoped
public class DashboardSignInGuard {

    /** Below this, quarkus-oidc would not derive its cookie keys from the secret. */
    static final int SHORTEST_SECRET = 32;

    private final Optional<String> provider;
    private final Optional<String> clientId;
    private final Optional<String> secret;

    public DashboardSignInGuard(
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> provider,
            @ConfigProperty(name = "quarkus.oidc.client-id") Optional<String> clientId,
            @ConfigProperty(name = "quarkus.oidc.credentials.secret") Optional<String> secret) {
        this.provider = provider;
        this.clientId = clientId;
        this.secret = secret;
    }

    void check(@Observes StartupEvent started) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            refuse(provider, clientId, secret);
        }
    }

    static void refuse(Optional<String> provider, Optional<String> clientId, Optional<String> secret) {
        if (blank(provider)) {
            throw new IllegalStateException("QUARKUS_OIDC_AUTH_SERVER_URL is not set: name the identity provider"
                    + " the ops dashboard signs in through (its realm's URL)");
        }
        if (blank(clientId)) {
            throw new IllegalStateException("QUARKUS_OIDC_CLIENT_ID is not set: name the ops dashboard's client at"
                    + " the identity provider");
        }
        if (blank(secret)) {
            throw new IllegalStateException("QUARKUS_OIDC_CREDENTIALS_SECRET is not set: give the ops dashboard's"
                    + " client secret at the identity provider");
        }
        if (secret.get().strip().length() < SHORTEST_SECRET) {
            throw new IllegalStateException("QUARKUS_OIDC_CREDENTIALS_SECRET is shorter than " + SHORTEST_SECRET
                    + " characters: it also encrypts the dashboard's session cookie");
        }
        PublishedSecrets.refuseIfPublished("QUARKUS_OIDC_CREDENTIALS_SECRET", secret);
    }

    private static boolean blank(Optional<String> value) {
        return value.map(String::isBlank).orElse(true);
    }
}
