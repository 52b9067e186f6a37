package org.hotline.intake.service;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline.intake.repository.IdempotencyKeys;
import org.hotline.intake.repository.IdempotencyKeys.StoredAnswer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one way intake keeps the promise of an {@code Idempotency-Key}, for a single contact, a
 * whole import and each line of it alike: a keyed request is answered once, a retry gets that
 * answer, the same key on a different request is refused. Keys are the sender's own (scoped to
 * his token's subject) and requests are told apart by a keyed fingerprint ({@link KeyedRequest}).
 * It keeps an answer's status, body and location without reading them and knows no HTTP.
 */
@ApplicationScoped
public class AnsweredRequests {

    private final IdempotencyKeys keys;
    private final ObjectMapper json;

    public AnsweredRequests(IdempotencyKeys keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    /**
     * The answer this request got before, if it got one.
     *
     * @throws KeyReused if the key was used for a different request
     */
    public Optional<StoredAnswer> earlier(KeyedRequest request) {
        Optional<StoredAnswer> answer = keys.find(request.key());
        if (answer.isPresent() && !answer.get().requestFingerprint().equals(request.fingerprint())) {
            throw new KeyReused(request.key());
        }
        return answer;
    }

    /**
     * The answers these requests (the lines of an import) got before, looked up together: a
     * request missing from the map got none.
     *
     * @return for each request answered before, that answer, or {@link Optional#empty()} if its
     *         key was used for a different request (what {@link #earlier} refuses with {@link KeyReused})
     */
    public Map<KeyedRequest, Optional<StoredAnswer>> earlierAll(List<KeyedRequest> requests) {
        if (requests.isEmpty()) {
            return Map.of();
        }
        Map<String, StoredAnswer> found = keys.findAll(requests.stream().map(KeyedRequest::key).toList());
        Map<KeyedRequest, Optional<StoredAnswer>> earlier = new HashMap<>();
        for (KeyedRequest request : requests) {
            StoredAnswer answer = found.get(request.key());
            if (answer != null) {
                earlier.put(request, answer.requestFingerprint().equals(request.fingerprint()) ? Optional.of(answer) : Optional.empty());
            }
        }
        return earlier;
    }

    /** An answer to remember: see {@link #remember}. */
    public record Answer(KeyedRequest request, int status, Object body, String location) {
    }

    /**
     * As {@link #remember}, for many requests at once (the lines of an import's chunk).
     *
     * @throws KeyTaken if a concurrent request got to any of their keys first
     */
    public void rememberAll(List<Answer> answers) {
        Map<String, StoredAnswer> stored = new LinkedHashMap<>();
        for (Answer answer : answers) {
            stored.put(answer.request().key(), new StoredAnswer(answer.request().fingerprint(), answer.status(),
                    written(answer.body()), answer.location()));
        }
        if (!keys.rememberAll(stored)) {
            throw new KeyTaken();
        }
    }

    /**
     * Remembers the answer in the caller's transaction, so it commits with what it answers for.
     *
     * @param location where the answer points, relative, or null
     * @throws KeyTaken if a concurrent request with this key got there first
     */
    public void remember(KeyedRequest request, int status, Object body, String location) {
        if (!keys.remember(request.key(), new StoredAnswer(request.fingerprint(), status, written(body), location))) {
            throw new KeyTaken();
        }
    }

    private String written(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer could not be written", e);
        }
    }

    /**
     * The answer of the request that beat ours to the key ({@link KeyTaken}), once ours rolled back.
     *
     * @throws KeyReused if that request was a different one
     */
    public StoredAnswer winner(KeyedRequest request) {
        return earlier(request).orElseThrow(() -> new IllegalStateException("a key taken by a commit has no answer"));
    }

    /** An earlier answer's body, read back as the type it was written from. */
    public <T> T bodyOf(StoredAnswer answer, Class<T> type) {
        try {
            return json.readValue(answer.body(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored answer could not be read", e);
        }
    }
}
