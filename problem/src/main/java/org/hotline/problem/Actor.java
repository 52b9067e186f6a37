package org.hotline.problem;

import java.util.Optional;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;

/**
 * Who is making the current request: the subject of his verified token. This is the name that
 * transitions, care records and audit rows carry; nothing the client sends besides the token
 * (such as a header naming an officer) can change it.
 */
@RequestScoped
public class Actor {

    /** The token claim that names the officer's team ({@link #team()}). */
    public static final String TEAM_CLAIM = "team";

    private final SecurityIdentity identity;

    public Actor(SecurityIdentity identity) {
        this.identity = identity;
    }

    /**
     * The token's {@code sub} claim. A JWT principal's own name prefers {@code upn} or
     * {@code preferred_username}, which a provider may let a user choose; the subject it may not.
     */
    public String subject() {
        return subjectOf(identity);
    }

    /**
     * The team the token places its subject in: the {@code team} claim, a single string, as the
     * identity provider maps it from the officer's group (a Keycloak user attribute or group
     * mapper). Empty when the token has none, or the identity is not a token. This is the only
     * place a service reads it, so a provider that names it otherwise is configured here once.
     */
    public Optional<String> team() {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        Object claim = token.getClaim(TEAM_CLAIM);
        // smallrye-jwt hands a custom claim over as JSON; anything but a string names no team.
        String team = claim instanceof JsonString json ? json.getString() : claim instanceof String plain ? plain : null;
        return team == null || team.isBlank() ? Optional.empty() : Optional.of(team.strip());
    }

    /** Whether the current identity holds {@code role}. */
    public boolean holds(String role) {
        return identity.hasRole(role);
    }

    /** The same, for code that holds an identity outside a request scope (an HTTP end handler). */
    public static String subjectOf(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        // Identities that are not tokens: @TestSecurity users in tests.
        return identity.getPrincipal().getName();
    }
}
