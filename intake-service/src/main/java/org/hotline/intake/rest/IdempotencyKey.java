package org.hotline.intake.rest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import org.hotline.intake.repository.IdempotencyKeys.StoredAnswer;
import org.hotline.intake.service.AnsweredRequests;
import org.hotline.intake.service.KeyTaken;
import org.hotline.intake.service.KeyedRequest;
import org.hotline.intake.service.RequestFingerprints;
import org.hotline.problem.Actor;
import org.hotline.problem.Problem;
import org.hotline.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The HTTP side of {@code Idempotency-Key}, for single contacts and imports alike: the header is
 * checked, and a retried request from the same token subject gets the answer the first one got,
 * byte for byte. What is remembered, and when a key is refused, is {@link AnsweredRequests}' business.
 */
@ApplicationScoped
public class IdempotencyKey {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    private final AnsweredRequests answers;
    private final RequestFingerprints fingerprints;
    private final Actor actor;
    private final ObjectMapper json;

    public IdempotencyKey(AnsweredRequests answers, RequestFingerprints fingerprints, Actor actor, ObjectMapper json) {
        this.answers = answers;
        this.fingerprints = fingerprints;
        this.actor = actor;
        this.json = json;
    }

    /** A request parsed from JSON, fingerprinted as understood, so spacing and field order do not matter. */
    KeyedRequest keyed(String scope, String header, Object parsedBody) {
        try {
            return keyed(scope, header, json.writeValueAsBytes(parsedBody));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed request could not be written back", e);
        }
    }

    /**
     * A request taken as it came, byte for byte. The key is the sender's own: scoped to his token's
     * subject, so another operator's same key is another key.
     */
    KeyedRequest keyed(String scope, String header, byte[] body) {
        return KeyedRequest.of(fingerprints, scope, actor.subject(), checked(header), body);
    }

    /**
     * The answer this request got before, or else {@code first}'s, which must
     * {@link AnsweredRequests#remember remember} it in the transaction of what it answers for.
     * If a concurrent retry remembered its answer first, {@code first} rolled back and that
     * answer is given instead.
     */
    Response answerOnce(KeyedRequest request, Supplier<Response> first) {
        return answers.earlier(request).map(IdempotencyKey::replay).orElseGet(() -> {
            try {
                return first.get();
            } catch (KeyTaken e) {
                return replay(answers.winner(request));
            }
        });
    }

    private static String checked(String key) {
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

    private static Response replay(StoredAnswer answer) {
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
