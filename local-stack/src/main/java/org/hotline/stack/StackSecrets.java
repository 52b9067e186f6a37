package org.hotline.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secrets a local stack generates for itself on first use and keeps in its home folder,
 * readable by the owner alone. They never enter the repository (.stack/ is ignored).
 */
public final class StackSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;

    public StackSecrets(Path stackHome) {
        this.dir = stackHome.resolve("secrets");
    }

    /** The key of caller keys: 32 random bytes as 64 hex characters. */
    public String callerKeySecret() {
        return hexSecret("caller-key.secret", 32);
    }

    /** The master key that wraps intake's per-caller data keys: 32 random bytes, base64. */
    public String personalDataMasterKey() {
        return java.util.Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hexSecret("master-key.secret", 32)));
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
