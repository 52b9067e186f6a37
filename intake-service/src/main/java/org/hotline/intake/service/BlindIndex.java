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
 * Turns a caller identifier into its blind index: an HMAC of its one normal spelling
 * ({@link CallerIdentifiers}), by which intake finds a repeat caller's random pseudonym in its own
 * database ({@link CallerPseudonyms}) and nowhere else. The blind index never leaves intake's
 * {@code caller_index} table, and an erasure deletes its row: from then on nothing links the
 * phone number to the pseudonym, even for someone holding this secret. The index names the version
 * of the secret that made it: {@code b1-<hex>}.
 */
@Startup
@ApplicationScoped
public class BlindIndex {

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
    public BlindIndex(CallerKeyConfig config, CallerIdentifiers identifiers) {
        this(config.secret(), config.version(), identifiers);
    }

    BlindIndex(String secret, int version, CallerIdentifiers identifiers) {
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
        this.prefix = "b" + version + "-";
        this.identifiers = identifiers;
    }

    public String of(String callerIdentifier) {
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
