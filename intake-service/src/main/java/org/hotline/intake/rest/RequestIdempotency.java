package org.hotline.intake.rest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.hotline.intake.repository.IdempotencyKeys;
import org.hotline.intake.repository.IdempotencyKeys.StoredAnswer;
import org.hotline.problem.Problem;
import org.hotline.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The HTTP side of {@code Idempotency-Key}: a retried request gets the answer the first one got,
 * byte for byte; the same key on a different request is refused.
 */
@ApplicationScoped
public class RequestIdempotency {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    /** Thrown inside the transaction when a concurrent request with the same key committed first. */
    static final class KeyTaken extends RuntimeException {
        KeyTaken() {
            super(null, null, false, false);
        }
    }

    private final IdempotencyKeys keys;
    private final ObjectMapper json;

    public RequestIdempotency(IdempotencyKeys keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    /** The key as given, or a 400 if it could not be a client's key. */
    static String checked(String key) {
        String problem = null;
        if (key.isBlank()) {
            problem = "must not be blank";
        } else if (key.length() > MAX_KEY_LENGTH) {
            problem = "must be at most " + MAX_KEY_LENGTH + " characters";
        } else if (!key.matches(NewContactRequest.PRINTABLE)) {
            problem = "must not contain control characters";
        }
        if (problem != null) {
            throw ProblemException.badRequest("The Idempotency-Key header is not usable.",
                    List.of(new Problem.FieldError(HEADER, problem)));
        }
        return key;
    }

    /** A fingerprint of the request as understood (so spacing and field order do not matter). */
    String hashOf(Object request) {
        try {
            return hashOf(json.writeValueAsBytes(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed request could not be written back", e);
        }
    }

    static String hashOf(byte[] request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(request));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The earlier answer to this key, if there is one.
     *
     * @throws ProblemException (422) if the key was used for a different request
     */
    Optional<Response> earlierAnswer(String key, String requestHash) {
        return keys.find(key).map(answer -> replay(answer, requestHash));
    }

    /** Stores an answer in the caller's transaction; throws {@link KeyTaken} if another came first. */
    void remember(String key, String requestHash, int status, Object body, String location) {
        String written;
        try {
            written = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer could not be written", e);
        }
        if (!keys.remember(key, new StoredAnswer(requestHash, status, written, location))) {
            throw new KeyTaken();
        }
    }

    private static Response replay(StoredAnswer answer, String requestHash) {
        if (!answer.requestHash().equals(requestHash)) {
            throw ProblemException.unprocessable("This Idempotency-Key was already used for a different request.",
                    List.of(new Problem.FieldError(HEADER, "was used for a different request; use a new key")));
        }
        Response.ResponseBuilder response = Response.status(answer.status())
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset(StandardCharsets.UTF_8.name()))
                .entity(answer.body());
        if (answer.location() != null) {
            // Made absolute against this request, as the first answer's was.
            response.location(URI.create(answer.location()));
        }
        return response.build();
    }
}
