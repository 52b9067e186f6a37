package org.hotline.intake.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.hotline.intake.config.CallerKeyConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The fingerprints by which an {@code Idempotency-Key}'s retry is told from a different request:
 * an HMAC-SHA-256 of the request under a key only the service holds. A plain hash would do for
 * telling requests apart, but it is kept for a day beside the key, and for a short follow-up the
 * only unknown in the request is the phone number: anyone holding the table could find it by
 * trying every number, offline and without any secret. Keyed, the table alone gives nothing away.
 *
 * <p>The key is derived from the caller-key secret ({@code hotline.caller-key.secret}) for this
 * one purpose, HMAC(secret, "idempotency-fingerprint"), so no new secret needs deploying and a
 * fingerprint is never a value the secret makes for anything else. Whoever holds that secret
 * could still test guesses against a fingerprint for as long as it is kept (24 h); he could test
 * them against the caller keys anyway. A new secret changes every fingerprint: a retry that spans
 * the change is refused as a different request (422), never answered with another's answer.
 */
@ApplicationScoped
public class RequestFingerprints {

    static final String ALGORITHM = "HmacSHA256";
    /** What the derived key is for; a second use of the secret would take a label of its own. */
    static final String PURPOSE = "idempotency-fingerprint";

    private final SecretKeySpec key;
    /** A Mac is not thread-safe, and making one per request costs more than the HMAC: one per thread. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    @Inject
    public RequestFingerprints(CallerKeyConfig config) {
        this(config.secret());
    }

    RequestFingerprints(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalStateException("hotline.caller-key.secret is required for idempotency fingerprints");
        }
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM),
                PURPOSE.getBytes(StandardCharsets.UTF_8)), ALGORITHM);
    }

    /**
     * The fingerprint of {@code request} sent under {@code storedKey}, hex. The stored key (the
     * scope, the token's subject and the client's key) is part of what is fingerprinted, so a
     * fingerprint is bound to the one key and subject it was made for: the same body under another
     * subject's key gives another fingerprint. The key goes first with its length, so no split of
     * key and body can be read as another.
     */
    public String of(String storedKey, byte[] request) {
        byte[] keyBytes = storedKey.getBytes(StandardCharsets.UTF_8);
        Mac mac = macs.get();
        mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(keyBytes.length).array());
        mac.update(keyBytes);
        // doFinal leaves the Mac ready for the next request, with the same key.
        return HexFormat.of().formatHex(mac.doFinal(request));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        }
    }

    private static byte[] hmac(SecretKeySpec key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        }
    }
}
