package org.hotline.intake.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A request a client sent with an {@code Idempotency-Key}: the key, scoped to the kind of request
 * it is for, and a fingerprint of the request, so the same key on a different request is told apart.
 *
 * @param key  the stored key: {@code scope:clientKey}, or {@code scope:clientKey#n} for part n
 * @param hash SHA-256 of the request, hex
 */
public record KeyedRequest(String key, String hash) {

    /**
     * @param scope     what the key is for ({@code contact}, {@code batch}): a client that uses one
     *                  key for two kinds of request gets two answers, not a refusal
     * @param clientKey the key as the client sent it
     * @param request   the request as understood, so its spacing and field order do not count
     */
    public static KeyedRequest of(String scope, String clientKey, byte[] request) {
        return new KeyedRequest(scope + ":" + clientKey, hashOf(request));
    }

    /**
     * Part {@code number} of this request (a line of an import): answered on its own, so a
     * request cut short and sent again does each part once.
     */
    public KeyedRequest part(int number, byte[] content) {
        return new KeyedRequest(key + "#" + number, hashOf(content));
    }

    private static String hashOf(byte[] request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(request));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
