package org.hotline.intake.config;

import java.util.Optional;

import org.hotline.audit.PublishedSecrets;
import org.hotline.audit.StartupRefusal;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses to start production with a secret anyone can read: the placeholders of
 * {@code .env.example} and the fixed dev and test values in application.properties pass every
 * length check, so an unedited copy would otherwise go live with a published secret.
 */
@ApplicationScoped
public class PlaceholderSecrets {

    private final CallerKeyConfig callerKeys;
    private final PersonalDataConfig personalData;

    public PlaceholderSecrets(CallerKeyConfig callerKeys, PersonalDataConfig personalData) {
        this.callerKeys = callerKeys;
        this.personalData = personalData;
    }

    void check(@Observes @Priority(StartupRefusal.FIRST) StartupEvent started) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        refuseIfPublished("hotline.caller-key.secret", Optional.ofNullable(callerKeys.secret()));
        refuseIfPublished("hotline.personal-data.master-key", personalData.masterKey());
    }

    /** The one list of published values is {@link PublishedSecrets}'s (database passwords are checked too). */
    public static void refuseIfPublished(String name, Optional<String> value) {
        PublishedSecrets.refuseIfPublished(name, value);
    }
}
