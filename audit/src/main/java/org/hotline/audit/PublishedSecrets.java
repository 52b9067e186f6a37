package org.hotline.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.quarkus.runtime.LaunchMode;

/**
 * The secrets anyone can read: the placeholders of {@code .env.example} and the fixed dev and test
 * values in the services' application.properties. They pass every length check, so an unedited
 * copy would otherwise go live with a published secret; production refuses each of them at start,
 * by value (their SHA-256 is listed in {@code published-secrets.sha256}, which a test keeps in step
 * with the repository) and by the words placeholders are made of. Dev and test may use their own
 * published values; only words are refused there. (It lives here because every service has this
 * module and its start-up checks of the database login.)
 */
public final class PublishedSecrets {

    /** Pieces of every placeholder. */
    private static final List<String> PLACEHOLDER_WORDS = List.of("replace-me", "changeme", "change-me", "dev-only",
            "test-only", "not-for-real", "example");

    /** SHA-256 (hex) of every secret value in the repository. */
    private static final Set<String> PUBLISHED_VALUES = load();

    private PublishedSecrets() {
    }

    /** Throws, naming the setting but never the value, when {@code value} is a published one. */
    public static void refuseIfPublished(String name, Optional<String> value) {
        String given = value.orElse("").strip();
        String lower = given.toLowerCase(Locale.ROOT);
        if (PLACEHOLDER_WORDS.stream().anyMatch(lower::contains)
                || (LaunchMode.current() == LaunchMode.NORMAL && isPublished(given))) {
            throw new IllegalStateException(name + " is a published placeholder: set a random secret of your own");
        }
    }

    /** Whether this exact value appears in the repository (in any launch mode). */
    public static boolean isPublished(String value) {
        return !value.isEmpty() && PUBLISHED_VALUES.contains(sha256(value.strip()));
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> load() {
        try (InputStream in = PublishedSecrets.class.getResourceAsStream("published-secrets.sha256")) {
            if (in == null) {
                throw new IllegalStateException("published-secrets.sha256 is missing from the audit module");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
