package org.hotline.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The keys intake-service and case-service sign their relay tokens with (the audit module's
 * {@code RelayTokens}): an EC P-256 pair each, made on first use and kept in one folder, handed to
 * each service as its own private key and its peer's public key. A deployment makes its own pair
 * per service ({@code openssl}, see deploy/README.md); these never leave this machine.
 */
public final class RelayKeys {

    /** Who relays to whom, by audience: intake and case-service call each other, stats calls no one. */
    private static final Map<String, String> PEERS = Map.of(
            Tokens.INTAKE_AUDIENCE, Tokens.CASES_AUDIENCE,
            Tokens.CASES_AUDIENCE, Tokens.INTAKE_AUDIENCE);

    private final Path directory;

    RelayKeys(Path directory) {
        this.directory = directory;
    }

    /** The relaying peer of the service with audience {@code own}, if it has one. */
    public static Optional<String> peerOf(String own) {
        return Optional.ofNullable(PEERS.get(own));
    }

    /** The service's relay settings ({@code hotline.tokens.relay.*}); empty for a service without a peer. */
    public Map<String, String> settings(String own) {
        Optional<String> peer = peerOf(own);
        if (peer.isEmpty()) {
            return Map.of();
        }
        return Map.of(
                "hotline.tokens.relay.peer", peer.get(),
                "hotline.tokens.relay.signing-key", read(own, "private"),
                "hotline.tokens.relay.peer-key", read(peer.get(), "public"));
    }

    private synchronized String read(String audience, String half) {
        try {
            Path file = directory.resolve(audience + "." + half + ".b64");
            if (!Files.exists(file)) {
                make(audience);
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void make(String audience) throws IOException {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        Files.createDirectories(directory);
        Path privateHalf = directory.resolve(audience + ".private.b64");
        Files.writeString(privateHalf, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        try {
            Files.setPosixFilePermissions(privateHalf, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system; the file stays as the platform made it.
        }
        Files.writeString(directory.resolve(audience + ".public.b64"),
                Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
    }
}
