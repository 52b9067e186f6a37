package org.hotline.intake.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.hotline.intake.config.CallerKeyConfig;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a caller identifier into his caller key: an HMAC, so the same caller always gets the
 * same key (stats and cases can follow him) while nobody without the secret can get back to
 * his phone number, not even by trying every number.
 */
@Startup
@ApplicationScoped
public class CallerKeys {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_SECRET_LENGTH = 32;

    /** Digits with the usual grouping: {@code +7 (912) 345-67-89}. Handles have letters. */
    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+?[0-9][0-9 .()\\-]*");
    private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[ .()\\-]");

    private final SecretKeySpec key;

    public CallerKeys(CallerKeyConfig config) {
        // Checked here as well as on the config mapping: a weak key must never be used, even
        // if validation of the mapping were switched off.
        if (config.secret() == null || config.secret().length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("hotline.caller-key.secret must be at least " + MIN_SECRET_LENGTH
                    + " characters");
        }
        this.key = new SecretKeySpec(config.secret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String keyOf(String callerIdentifier) {
        try {
            // Mac is not thread-safe; a fresh one per call is cheap next to the request itself.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(normalize(callerIdentifier).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        }
    }

    /** One spelling per caller, so two operators typing the same number differently agree. */
    static String normalize(String callerIdentifier) {
        String trimmed = callerIdentifier.strip().toLowerCase(Locale.ROOT);
        if (PHONE_NUMBER.matcher(trimmed).matches()) {
            return PHONE_PUNCTUATION.matcher(trimmed).replaceAll("");
        }
        return trimmed;
    }
}
