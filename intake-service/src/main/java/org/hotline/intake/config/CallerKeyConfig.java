package org.hotline.intake.config;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Size;

/** How caller identifiers are turned into pseudonymous caller keys. */
@ConfigMapping(prefix = "hotline.caller-key")
public interface CallerKeyConfig {

    /**
     * The HMAC secret. Whoever holds it can test a phone number against a caller key, so it
     * comes only from the environment ({@code HOTLINE_CALLER_KEY_SECRET}) in production, and
     * changing it splits every caller's history in two. At least 32 characters: a short secret
     * could be guessed, and the keys reversed by trying every phone number.
     */
    @Size(min = 32, message = "must be at least 32 characters")
    String secret();
}
