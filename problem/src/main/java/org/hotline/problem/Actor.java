package org.hotline.problem;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/**
 * Who is making the current request: the subject of his verified token. This is the name that
 * transitions, care records and audit rows carry; nothing the client sends besides the token
 * (such as a header naming an officer) can change it.
 */
@RequestScoped
public class Actor {

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

    /** The same, for code that holds an identity outside a request scope (an HTTP end handler). */
    public static String subjectOf(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        // Identities that are not tokens: @TestSecurity users in tests.
        return identity.getPrincipal().getName();
    }
}
