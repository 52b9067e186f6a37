package org.hotline.audit;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The secrets anyone can read: the placeholders of {@code .env.example} and the fixed dev and test
 * values in the services' application.properties. They pass every length check, so an unedited
 * copy would otherwise go live with a published secret; production refuses each of them at start.
 * (It lives here because every service has this module and its start-up checks of the database login.)
 */
public final class PublishedSecrets {

    /** Pieces of every published value. */
    private static final List<String> PUBLISHED = List.of("replace-me", "changeme", "change-me", "dev-only",
            "test-only", "not-for-real", "example");

    private PublishedSecrets() {
    }

    /** Throws, naming the setting but never the value, when {@code value} is a published one. */
    public static void refuseIfPublished(String name, Optional<String> value) {
        String lower = value.orElse("").toLowerCase(Locale.ROOT);
        if (PUBLISHED.stream().anyMatch(lower::contains)) {
            throw new IllegalStateException(name + " is a published placeholder: set a random secret of your own");
        }
    }
}
