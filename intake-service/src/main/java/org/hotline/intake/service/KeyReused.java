package org.hotline.intake.service;

/**
 * An {@code Idempotency-Key} came back with a different request than the one it was first used
 * for. Answering either way would be a guess: the first answer belongs to another request, and a
 * new one would break the key's promise.
 */
public class KeyReused extends RuntimeException {

    public KeyReused(String key) {
        super("Idempotency key " + key + " was already used for a different request.", null, false, false);
    }
}
