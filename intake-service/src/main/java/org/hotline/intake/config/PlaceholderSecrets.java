package org.hotline.intake.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses to start production with a secret anyone can read: the placeholders of
 * {@code .env.example} and the fixed dev and test values in application.properties pass every
 * length check, so an unedited copy would otherwise go live with a published secret.
 */
@ApplicationScoped
public class PlaceholderSecrets {

    /** Pieces of every published value: {@code .env.example}'s and application.properties'. */
    private static final List<String> PUBLISHED = List.of("replace-me", "changeme", "change-me", "dev-only",
            "test-only", "not-for-real", "example");

    private final CallerKeyConfig callerKeys;
    private final PersonalDataConfig personalData;

    public PlaceholderSecrets(CallerKeyConfig callerKeys, PersonalDataConfig personalData) {
        this.callerKeys = callerKeys;
        this.personalData = personalData;
    }

    void check(@Observes StartupEvent started) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        refuseIfPublished("hotline.caller-key.secret", Optional.ofNullable(callerKeys.secret()));
        refuseIfPublished("hotline.personal-data.master-key", personalData.masterKey());
    }

    public static void refuseIfPublished(String name, Optional<String> value) {
        String lower = value.orElse("").toLowerCase(Locale.ROOT);
        if (PUBLISHED.stream().anyMatch(lower::contains)) {
            throw new IllegalStateException(name + " is a published placeholder: set a random secret of your own");
        }
    }
}
