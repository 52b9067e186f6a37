package org.hotline.audit.trust;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The headers of a call to the peer service made on an officer's behalf: his own
 * {@code Authorization}, so that the peer checks his roles and audits him, and this service's relay
 * token for it ({@link RelayTokens}), without which the peer refuses a token not meant for it. A
 * REST client names it with {@code @RegisterClientHeaders(OfficerTokenRelay.class)}.
 */
@ApplicationScoped
public class OfficerTokenRelay implements ClientHeadersFactory {

    private static final String BEARER = "bearer ";

    private final RelayTokens relays;

    public OfficerTokenRelay(RelayTokens relays) {
        this.relays = relays;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        String authorization = incoming.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return headers;
        }
        headers.putSingle(HttpHeaders.AUTHORIZATION, authorization);
        relays.mintFor(authorization.substring(BEARER.length()).strip())
                .ifPresent(relay -> headers.putSingle(RelayTokens.HEADER, relay));
        return headers;
    }
}
