package org.hotline.intake.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.hotline.intake.config.PersonalDataConfig;
import org.hotline.intake.config.PlaceholderSecrets;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The keys that wrap every caller's data key, by version: the active one, which wraps, and the
 * unwrap-only ones, which let data keys wrapped earlier (or by an instance already on the next
 * key) be read while the rotation job re-wraps them. They live only in this process (from
 * configuration or secret files), never in the database, so a copy of the database alone opens
 * nothing. Checked at start-up: without proper keys the service refuses to run rather than store
 * data it could not protect.
 */
@Startup
@ApplicationScoped
public class MasterKeys {

    private static final int KEY_BYTES = 32;

    private final int activeVersion;
    private final Map<Integer, SecretKey> byVersion = new TreeMap<>();

    @Inject
    public MasterKeys(PersonalDataConfig config) {
        this(config.masterKeyVersion(), config.masterKey().filter(value -> !value.isBlank())
                .or(() -> config.masterKeyFile().map(MasterKeys::read))
                .orElseThrow(() -> new IllegalStateException("hotline.personal-data.master-key (or -file) is not set:"
                        + " give 32 random bytes in Base64, e.g. from openssl rand -base64 32")),
                Stream.concat(config.unwrapOnlyMasterKeys().stream().flatMap(List::stream),
                        config.unwrapOnlyMasterKeysFile().stream().flatMap(file -> read(file).lines())).toList());
    }

    /**
     * @param activeKey  the active key in Base64
     * @param unwrapOnly the unwrap-only keys, each {@code VERSION:BASE64}; blank lines and lines
     *                   starting with {@code #} (in a key file) are skipped
     */
    public MasterKeys(int activeVersion, String activeKey, List<String> unwrapOnly) {
        this.activeVersion = activeVersion;
        byVersion.put(activeVersion, key("hotline.personal-data.master-key", activeKey));
        unwrapOnly.stream().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .forEach(this::addUnwrapOnly);
    }

    public int activeVersion() {
        return activeVersion;
    }

    /** Every configured version, the active one included. */
    public SortedSet<Integer> versions() {
        return new TreeSet<>(byVersion.keySet());
    }

    /** Wraps a data key with the active master key, bound to the key row it is stored in. */
    public byte[] wrap(SecretKey dataKey, byte[] keyId) {
        return Aead.seal(byVersion.get(activeVersion), keyId, dataKey.getEncoded());
    }

    /** Unwraps a data key that master key {@code version} wrapped. */
    public SecretKey unwrap(byte[] wrapped, byte[] keyId, int version) {
        SecretKey master = Optional.ofNullable(byVersion.get(version)).orElseThrow(() -> new IllegalStateException(
                "A data key is wrapped by master key version " + version + ", which is not configured: give it in"
                        + " hotline.personal-data.unwrap-only-master-keys until the rotation has re-wrapped it"));
        try {
            return new SecretKeySpec(Aead.open(master, keyId, wrapped), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A data key does not open with master key version " + version
                    + ": is that version's key the right one?", e);
        }
    }

    private void addUnwrapOnly(String entry) {
        int colon = entry.indexOf(':');
        int version;
        try {
            version = colon > 0 ? Integer.parseInt(entry.substring(0, colon).strip()) : -1;
        } catch (NumberFormatException e) {
            version = -1;
        }
        // The entry itself is never echoed: it is a key.
        if (version < 1) {
            throw new IllegalStateException("hotline.personal-data.unwrap-only-master-keys: each entry is VERSION:BASE64,"
                    + " with a version of 1 or more");
        }
        String name = "hotline.personal-data.unwrap-only-master-keys (version " + version + ")";
        if (byVersion.containsKey(version)) {
            throw new IllegalStateException(name + " is given twice, or is the active version");
        }
        byVersion.put(version, key(name, entry.substring(colon + 1)));
    }

    private static SecretKey key(String name, String encoded) {
        PlaceholderSecrets.refuseIfPublished(name, Optional.of(encoded));
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not Base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(name + " must be " + KEY_BYTES + " bytes, not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("a master key file cannot be read: " + file, e);
        }
    }
}
