package org.hotline.intake.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A request a client sent with an {@code Idempotency-Key}: the key, scoped to the kind of request
 * and to the token's subject that sent it, and a keyed fingerprint of the request
 * ({@link RequestFingerprints}), so the same key on a different request is told apart.
 *
 * <p>Two operators who pick the same key hold two keys: the second gets an answer of his own,
 * never the first one's, and cannot tell from the answer that the key was used (a refusal would
 * tell him). Equal when key and fingerprint are.
 */
public final class KeyedRequest {

    private final String key;
    private final String fingerprint;
    private final RequestFingerprints fingerprints;

    private KeyedRequest(String key, byte[] request, RequestFingerprints fingerprints) {
        this.key = key;
        this.fingerprint = fingerprints.of(key, request);
        this.fingerprints = fingerprints;
    }

    /**
     * @param scope     what the key is for ({@code contact}, {@code batch}): a client that uses one
     *                  key for two kinds of request gets two answers, not a refusal
     * @param subject   the subject of the sender's verified token: each subject's keys are his own
     * @param clientKey the key as the client sent it
     * @param request   the request as understood, so its spacing and field order do not count
     */
    public static KeyedRequest of(RequestFingerprints fingerprints, String scope, String subject, String clientKey,
            byte[] request) {
        // Encoded, so that a subject holding ':' cannot pass for another subject and key.
        String owner = URLEncoder.encode(Objects.requireNonNull(subject, "subject"), StandardCharsets.UTF_8);
        return new KeyedRequest(scope + ":" + owner + ":" + clientKey, request, fingerprints);
    }

    /**
     * Part {@code number} of this request (a line of an import): answered on its own, so a
     * request cut short and sent again does each part once.
     */
    public KeyedRequest part(int number, byte[] content) {
        return new KeyedRequest(key + "#" + number, content, fingerprints);
    }

    /** The stored key: {@code scope:subject:clientKey}, or {@code scope:subject:clientKey#n} for part n. */
    public String key() {
        return key;
    }

    /** HMAC-SHA-256 of the stored key and the request, hex ({@link RequestFingerprints#of}). */
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyedRequest that && key.equals(that.key) && fingerprint.equals(that.fingerprint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, fingerprint);
    }

    @Override
    public String toString() {
        // The key only: the fingerprint is nobody's business, not even a log's.
        return "KeyedRequest[" + key + "]";
    }
}
