package org.hotline.audit.trust;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The relay token: a service's word that it is passing on, to its one peer, the token an officer
 * sent it. Signed (ES256) with the relaying service's own key, addressed to the peer's audience,
 * good for {@link TokenAudienceConfig.Relay#lifetime()}, and bound to that one officer token by its
 * SHA-256 ({@code ath}, as DPoP binds a proof to an access token): it cannot be reused with another
 * officer's token, and without it the officer's token, meant for the relaying service, is refused.
 *
 * <p>The officer stays the caller: his token's roles decide what he may do and his subject is what
 * the receiving service audits. A relayed call can do no more than the officer could.
 */
@ApplicationScoped
public class RelayTokens {

    /** The request header that carries the relay token beside the officer's {@code Authorization}. */
    public static final String HEADER = "X-Relay-Token";
    private static final String TOKEN_HASH_CLAIM = "ath";

    private final String ownAudience;
    private final Optional<String> peer;
    private final Optional<PrivateKey> signingKey;
    private final Optional<DefaultJWTParser> peerTokens;
    private final long lifetimeSeconds;

    public RelayTokens(TokenAudienceConfig config) {
        this.ownAudience = config.audience();
        this.peer = config.relay().peer().filter(name -> !name.isBlank());
        this.lifetimeSeconds = config.relay().lifetime().toSeconds();
        this.signingKey = config.relay().signingKey().filter(key -> !key.isBlank()).map(RelayTokens::privateKey);
        this.peerTokens = config.relay().peerKey().filter(key -> !key.isBlank()).flatMap(key -> peer.map(name -> {
            JWTAuthContextInfo expected = new JWTAuthContextInfo(publicKey(key), name);
            expected.setExpectedAudience(Set.of(ownAudience));
            expected.setSignatureAlgorithm(Set.of(SignatureAlgorithm.ES256));
            expected.setMaxTimeToLiveSecs(lifetimeSeconds);
            expected.setRequireNamedPrincipal(false);
            return new DefaultJWTParser(expected);
        }));
    }

    /** Whether a token naming {@code audiences} is meant for this service itself. */
    public boolean isOwnAudience(Set<String> audiences) {
        return audiences != null && audiences.contains(ownAudience);
    }

    /** Whether this service takes relayed calls at all (a peer and its key are configured). */
    public boolean acceptsRelays() {
        return peerTokens.isPresent();
    }

    /**
     * A relay token for passing {@code officerToken} on to the peer, or empty where this service
     * relays to no one (no peer or no signing key configured: the officer's token goes alone).
     */
    public Optional<String> mintFor(String officerToken) {
        if (peer.isEmpty() || signingKey.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Jwt.issuer(ownAudience)
                .audience(peer.get())
                .claim(TOKEN_HASH_CLAIM, hashOf(officerToken))
                .claim("jti", UUID.randomUUID().toString())
                .expiresIn(lifetimeSeconds)
                .jws().algorithm(SignatureAlgorithm.ES256)
                .sign(signingKey.get()));
    }

    /**
     * Whether {@code relayToken} is the peer's valid, unexpired relay token to this service for
     * exactly {@code officerToken}.
     */
    public boolean vouchesFor(String relayToken, String officerToken) {
        if (peerTokens.isEmpty() || relayToken == null || relayToken.isBlank() || officerToken == null) {
            return false;
        }
        try {
            Object bound = peerTokens.get().parse(relayToken.strip()).getClaim(TOKEN_HASH_CLAIM);
            String hash = bound instanceof jakarta.json.JsonString json ? json.getString() : String.valueOf(bound);
            return MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
                    hashOf(officerToken).getBytes(StandardCharsets.US_ASCII));
        } catch (ParseException e) {
            return false;
        }
    }

    private static String hashOf(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static PrivateKey privateKey(String base64) {
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("HOTLINE_TOKENS_RELAY_SIGNING_KEY is not an EC private key (PKCS#8, Base64)");
        }
    }

    static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("HOTLINE_TOKENS_RELAY_PEER_KEY is not an EC public key (X.509, Base64)");
        }
    }

    private static byte[] decode(String base64) {
        return Base64.getMimeDecoder().decode(base64.replaceAll("-----[A-Z ]+-----", ""));
    }
}
