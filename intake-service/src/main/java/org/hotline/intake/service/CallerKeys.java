package org.hotline.intake.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.hotline.intake.config.CallerKeyConfig;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Turns a caller identifier into his caller key: an HMAC of its one normal spelling
 * ({@link CallerIdentifiers}), so the same caller always gets the same key (stats and cases can
 * follow him) while nobody without the secret can get back to his phone number, not even by
 * trying every number. The key names the version of the secret that made it: {@code k1-<hex>}.
 */
@Startup
@ApplicationScoped
public class CallerKeys {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_SECRET_LENGTH = 32;

    private final SecretKeySpec key;
    private final String prefix;
    private final CallerIdentifiers identifiers;
    /**
     * A Mac is not thread-safe, and making one per identifier (provider lookup, key schedule) cost
     * more than the HMAC itself in a bulk import: one per thread, keyed once.
     */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    @Inject
    public CallerKeys(CallerKeyConfig config, CallerIdentifiers identifiers) {
        this(config.secret(), config.version(), identifiers);
    }

    CallerKeys(String secret, int version, CallerIdentifiers identifiers) {
        // Checked here as well as on the config mapping: a weak key must never be used, even
        // if validation of the mapping were switched off.
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("hotline.caller-key.secret must be at least " + MIN_SECRET_LENGTH
                    + " characters");
        }
        if (version < 1) {
            throw new IllegalStateException("hotline.caller-key.version must be 1 or more");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.prefix = "k" + version + "-";
        this.identifiers = identifiers;
    }

    public String keyOf(String callerIdentifier) {
        byte[] normal = identifiers.normalize(callerIdentifier).getBytes(StandardCharsets.UTF_8);
        // doFinal leaves the Mac ready for the next identifier, with the same key.
        return prefix + HexFormat.of().formatHex(macs.get().doFinal(normal));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        }
    }
}
