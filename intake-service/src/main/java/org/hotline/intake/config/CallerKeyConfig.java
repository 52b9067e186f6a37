package org.hotline.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * How a caller identifier is turned into its blind index ({@code BlindIndex}), by which intake finds
 * a repeat caller's random pseudonym in its own database. The pseudonym itself is random.
 */
@ConfigMapping(prefix = "hotline.caller-key")
public interface CallerKeyConfig {

    /**
     * The HMAC secret of the blind index. Whoever holds it and intake's database can tell whether
     * a phone number is a current (not erased) caller, so it comes only from the environment
     * ({@code HOTLINE_CALLER_KEY_SECRET}) in production; changing it splits every caller's history
     * in two. At least 32 characters: a short secret
     * could be guessed, and the keys reversed by trying every phone number.
     */
    @Size(min = 32, message = "must be at least 32 characters")
    String secret();

    /**
     * Which secret this is ({@code HOTLINE_CALLER_KEY_VERSION}). Every blind index starts with it
     * ({@code b1-…}), so that after a new secret is introduced the entries each one made can be told
     * apart. Raise it whenever the secret changes.
     */
    @WithDefault("1")
    @Min(1)
    int version();

    /**
     * The region whose numbering a phone number typed without a country code is read in
     * ({@code HOTLINE_CALLER_KEY_DEFAULT_REGION}): most callers dial from Russia, where
     * {@code 8 912 345-67-89} means {@code +7 912 345-67-89}.
     */
    @WithDefault("RU")
    @Pattern(regexp = "[A-Za-z]{2}", message = "must be a two-letter region code such as RU")
    String defaultRegion();
}
