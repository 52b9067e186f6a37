package org.hotline.audit.trust;

import java.util.Map;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A token meant for the peer service is accepted here only as a relayed call: with the peer's relay
 * token for exactly that token ({@link RelayTokens}). The service's {@code mp.jwt.verify.audiences}
 * lists its own audience and its peer's, so smallrye-jwt lets such a token through to here; this is
 * where it is held to the relay rule. Refused, it is a 401 like any bad token, answered and audited
 * as one ({@code SecurityProblems}, {@code RefusalAudit}).
 *
 * <p>A service with no peer (stats-service) lists only its own audience, and this check has nothing
 * to add to smallrye-jwt's.
 */
@ApplicationScoped
public class RelayedTokenCheck implements SecurityIdentityAugmentor {

    private final RelayTokens relays;

    public RelayedTokenCheck(RelayTokens relays) {
        this.relays = relays;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return augment(identity, context, Map.of());
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
            Map<String, Object> attributes) {
        if (!relays.acceptsRelays() || identity.isAnonymous()
                || !(identity.getPrincipal() instanceof JsonWebToken token)
                || relays.isOwnAudience(token.getAudience())) {
            return Uni.createFrom().item(identity);
        }
        RoutingContext request = HttpSecurityUtils.getRoutingContextAttribute(attributes);
        String relayToken = request == null ? null : request.request().getHeader(RelayTokens.HEADER);
        if (relays.vouchesFor(relayToken, token.getRawToken())) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().failure(new AuthenticationFailedException(
                "a token for another service, without that service's relay token"));
    }
}
