package org.hotline.cases.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.hotline.problem.Problem;
import org.hotline.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The HTTP side of {@code Idempotency-Key} on a new case, with intake's rules: the key must be a
 * usable client key, it is the officer's own (scoped to his token's subject, so another officer's
 * same key is another key and opens his own case), and a request is recognised by a fingerprint of
 * what it asks, so spacing and field order do not matter.
 *
 * <p>The fingerprint leaves the free-text {@code reason} out. It is kept for a day beside the key,
 * and a hash of a short note ("captured near ...") is found again by guessing; case-service holds no
 * secret to key it with, as intake does. Without the note, it covers only what the opened case holds
 * anyway (state, mode, origin, time), so the table adds nothing an attacker could learn. The price:
 * the same key sent again with only the note changed gets the first case (with the first note)
 * rather than a 422.
 */
final class NewCaseIdempotency {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;
    private static final String PRINTABLE = "[^\\p{Cc}\\p{Cs}]*";

    private NewCaseIdempotency() {
    }

    /** The key as given, or a 400 if it could not be a client's key. */
    static String checked(String key) {
        String problem = null;
        if (key.isBlank()) {
            problem = "must not be blank";
        } else if (key.length() > MAX_KEY_LENGTH) {
            problem = "must be at most " + MAX_KEY_LENGTH + " characters";
        } else if (!key.matches(PRINTABLE)) {
            problem = "must not contain control characters";
        }
        if (problem != null) {
            throw ProblemException.badRequest("The Idempotency-Key header is not usable.",
                    List.of(new Problem.FieldError(HEADER, problem)));
        }
        return key;
    }

    /** The key as stored: {@code officer:clientKey}, the officer URL-encoded so no ':' of his can pass for another's. */
    static String scoped(String officer, String clientKey) {
        return URLEncoder.encode(officer, StandardCharsets.UTF_8) + ":" + clientKey;
    }

    /** SHA-256 of the request's fields but its free text (see above), hex. */
    static String fingerprintOf(ObjectMapper json, NewCaseRequest body) {
        try {
            byte[] request = json.writeValueAsBytes(new Object[] {body.state(), body.mode(), body.origin(), body.at()});
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(request));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("a parsed request could not be fingerprinted", e);
        }
    }
}
