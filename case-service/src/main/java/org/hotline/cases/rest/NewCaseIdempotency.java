package org.hotline.cases.rest;

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
 * usable client key, and a request is recognised by a fingerprint of what it asks (the parsed
 * body and the officer), so spacing and field order do not matter.
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

    static String hashOf(ObjectMapper json, NewCaseRequest body, String officer) {
        try {
            byte[] request = json.writeValueAsBytes(new Object[] {body, officer});
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(request));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("a parsed request could not be fingerprinted", e);
        }
    }
}
