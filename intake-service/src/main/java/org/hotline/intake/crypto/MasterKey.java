package org.hotline.intake.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.hotline.intake.config.PersonalDataConfig;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The key that wraps every caller's data key. It lives only in this process (from configuration
 * or a secret file), never in the database, so a copy of the database alone opens nothing.
 * Checked at start-up: without a proper key the service refuses to run rather than store data
 * it could not protect.
 */
@Startup
@ApplicationScoped
public class MasterKey {

    private static final int KEY_BYTES = 32;

    private final SecretKey key;
    private final int version;

    public MasterKey(PersonalDataConfig config) {
        String encoded = config.masterKey().filter(value -> !value.isBlank())
                .or(() -> config.masterKeyFile().map(MasterKey::read))
                .orElseThrow(() -> new IllegalStateException("hotline.personal-data.master-key (or -file) is not set:"
                        + " give 32 random bytes in Base64, e.g. from openssl rand -base64 32"));
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("hotline.personal-data.master-key is not Base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException("hotline.personal-data.master-key must be " + KEY_BYTES + " bytes, not "
                    + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
        this.version = config.masterKeyVersion();
    }

    public int version() {
        return version;
    }

    /** Wraps a data key, bound to the key row it is stored in. */
    public byte[] wrap(SecretKey dataKey, byte[] keyId) {
        return Aead.seal(key, keyId, dataKey.getEncoded());
    }

    public SecretKey unwrap(byte[] wrapped, byte[] keyId) {
        try {
            return new SecretKeySpec(Aead.open(key, keyId, wrapped), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A data key does not open with this master key: wrong or rotated key?", e);
        }
    }

    private static String read(java.nio.file.Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("hotline.personal-data.master-key-file cannot be read", e);
        }
    }
}
