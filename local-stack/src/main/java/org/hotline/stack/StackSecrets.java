package org.hotline.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The secrets a local stack generates for itself on first use and keeps in its home folder,
 * readable by the owner alone. They never enter the repository (.stack/ is ignored).
 */
public final class StackSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String MASTER_KEY_VERSION = "master-key.version";
    private static final Pattern MASTER_KEY_FILE = Pattern.compile("master-key(?:\\.v(\\d+))?\\.secret");

    private final Path dir;

    public StackSecrets(Path stackHome) {
        this.dir = stackHome.resolve("secrets");
    }

    /** The key of caller keys: 32 random bytes as 64 hex characters. */
    public String callerKeySecret() {
        return hexSecret("caller-key.secret", 32);
    }

    /**
     * The active master key that wraps intake's per-caller data keys: 32 random bytes, base64.
     * Version 1 is made on first use; {@link #rotateMasterKey()} makes the next.
     */
    public String personalDataMasterKey() {
        return base64(hexSecret(masterKeyFile(masterKeyVersion()), 32));
    }

    /**
     * The master key that wraps case-service's per-case text keys (officers' free text): 32 random
     * bytes, base64, made on first use. Not intake's key; it has no rotation here yet.
     */
    public String caseTextMasterKey() {
        return base64(hexSecret("case-text-master-key.secret", 32));
    }

    /**
     * The ops dashboard's client secret at the stack's Keycloak: 32 random bytes as 64 hex
     * characters (stats-service also encrypts its session cookie with it, so it must be long).
     */
    public String opsDashboardClientSecret() {
        return hexSecret("ops-dashboard-client.secret", 32);
    }

    /** The password of the example users of the stack's Keycloak (deploy/keycloak/local/), for this stack only. */
    public String exampleUsersPassword() {
        return hexSecret("example-users-password.secret", 8);
    }

    /** The password of the stack's Keycloak admin console (user admin, master realm). */
    public String keycloakAdminPassword() {
        return hexSecret("keycloak-admin-password.secret", 12);
    }

    /** The active master key's version: 1 until the first rotation. */
    public int masterKeyVersion() {
        Path file = dir.resolve(MASTER_KEY_VERSION);
        try {
            return Files.isRegularFile(file) ? Integer.parseInt(Files.readString(file).strip()) : 1;
        } catch (IOException | NumberFormatException e) {
            throw new StackFailure("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The master keys kept besides the active one, each {@code VERSION:BASE64}: intake unwraps
     * with them while it re-wraps the data keys they wrapped.
     */
    public List<String> unwrapOnlyMasterKeys() {
        int active = masterKeyVersion();
        return keptMasterKeyVersions().stream().filter(version -> version != active)
                .map(version -> version + ":" + base64(hexSecret(masterKeyFile(version), 32))).toList();
    }

    /** Makes a new master key the active one, keeping the others for unwrapping; returns its version. */
    public int rotateMasterKey() {
        personalDataMasterKey();
        int next = Math.max(masterKeyVersion(), keptMasterKeyVersions().stream().max(Integer::compare).orElse(1)) + 1;
        hexSecret(masterKeyFile(next), 32);
        try {
            Files.writeString(dir.resolve(MASTER_KEY_VERSION), Integer.toString(next));
        } catch (IOException e) {
            throw new StackFailure("cannot record the master key version: " + e.getMessage(), e);
        }
        return next;
    }

    /** Destroys the kept master key of this version (never the active one). */
    public void destroyMasterKey(int version) {
        if (version == masterKeyVersion()) {
            throw new StackFailure("master key version " + version + " is the active one");
        }
        try {
            Files.deleteIfExists(dir.resolve(masterKeyFile(version)));
        } catch (IOException e) {
            throw new StackFailure("cannot delete master key version " + version + ": " + e.getMessage(), e);
        }
    }

    /** The versions whose master key is kept here, the active one included. */
    public List<Integer> keptMasterKeyVersions() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> MASTER_KEY_FILE.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(match -> match.group(1) == null ? 1 : Integer.parseInt(match.group(1)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new StackFailure("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Version 1 keeps the name it had before keys had versions, so an existing stack keeps its key. */
    private static String masterKeyFile(int version) {
        return version == 1 ? "master-key.secret" : "master-key.v" + version + ".secret";
    }

    private static String base64(String hex) {
        return java.util.Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }

    /** A service's database with its roles' passwords, 24 random bytes each, made on first use. */
    public ServiceDatabase serviceDatabase(String name) {
        return new ServiceDatabase(name, hexSecret("postgres-" + name + "-owner.secret", 24),
                hexSecret("postgres-" + name + "-app.secret", 24));
    }

    /** The stand-in token issuer's key pair: the services trust it, {@code ./stack token} signs with it. */
    public Tokens tokens() {
        return Tokens.inDirectory(dir.resolve("jwt"));
    }

    /** A secret of {@code bytes} random bytes, generated on first use and kept in {@code name}. */
    public String hexSecret(String name, int bytes) {
        Path file = dir.resolve(name);
        try {
            if (!Files.isRegularFile(file) || Files.size(file) < bytes * 2L) {
                Files.createDirectories(dir);
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                byte[] secret = new byte[bytes];
                RANDOM.nextBytes(secret);
                Path partial = dir.resolve(name + ".partial");
                Files.writeString(partial, HexFormat.of().formatHex(secret));
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
                Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new StackFailure("cannot keep the secret " + file + ": " + e.getMessage(), e);
        }
    }
}
