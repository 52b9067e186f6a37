package org.hotline.sealing;

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

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.hotline.audit.PublishedSecrets;

/**
 * Master keys by version, which wrap a service's data keys: the active one, which wraps, and the
 * unwrap-only ones, which let data keys wrapped earlier (or by an instance already on the next
 * key) be read while they are re-wrapped. They live only in the process (from configuration or
 * secret files), never in the database, so a copy of the database alone opens nothing. A key that
 * is not 32 bytes of Base64, or is a published placeholder, is refused, and never echoed.
 *
 * <p>Each service makes its own ring from its own settings (intake's {@code MasterKeys} for
 * personal data, case-service's for officers' free text): {@code setting} is the name of its
 * active-key setting, and {@code setting}'s {@code unwrap-only} sibling names the others in
 * messages.
 */
public class MasterKeyRing {

    private static final int KEY_BYTES = 32;

    private final String unwrapOnlySetting;
    private final int activeVersion;
    private final Map<Integer, SecretKey> byVersion = new TreeMap<>();

    /** For the client proxy a CDI container makes of a subclass bean; holds no key. */
    protected MasterKeyRing() {
        this.unwrapOnlySetting = null;
        this.activeVersion = 0;
    }

    /**
     * @param setting           the active key's setting, e.g. {@code hotline.personal-data.master-key}
     * @param unwrapOnlySetting the unwrap-only keys' setting, named in messages
     * @param activeKey         the active key in Base64
     * @param unwrapOnly        the unwrap-only keys, each {@code VERSION:BASE64}; blank lines and lines
     *                          starting with {@code #} (in a key file) are skipped
     */
    public MasterKeyRing(String setting, String unwrapOnlySetting, int activeVersion, String activeKey,
            List<String> unwrapOnly) {
        this.unwrapOnlySetting = unwrapOnlySetting;
        this.activeVersion = activeVersion;
        byVersion.put(activeVersion, key(setting, activeKey));
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
                "A data key is wrapped by master key version " + version + ", which is not configured: give it in "
                        + unwrapOnlySetting + " until the rotation has re-wrapped it"));
        try {
            return new SecretKeySpec(Aead.open(master, keyId, wrapped), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A data key does not open with master key version " + version
                    + ": is that version's key the right one?", e);
        }
    }

    /** A key file's content (a mounted secret), in Base64. */
    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("a master key file cannot be read: " + file, e);
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
            throw new IllegalStateException(unwrapOnlySetting + ": each entry is VERSION:BASE64,"
                    + " with a version of 1 or more");
        }
        String name = unwrapOnlySetting + " (version " + version + ")";
        if (byVersion.containsKey(version)) {
            throw new IllegalStateException(name + " is given twice, or is the active version");
        }
        byVersion.put(version, key(name, entry.substring(colon + 1)));
    }

    private static SecretKey key(String name, String encoded) {
        PublishedSecrets.refuseIfPublished(name, Optional.of(encoded));
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
}
