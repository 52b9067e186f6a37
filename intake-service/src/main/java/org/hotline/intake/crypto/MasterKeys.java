package org.hotline.intake.crypto;

import java.util.List;
import java.util.stream.Stream;

import org.hotline.intake.config.PersonalDataConfig;
import org.hotline.sealing.MasterKeyRing;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The keys that wrap every caller's data key, by version (the shared {@link MasterKeyRing}, from
 * {@code hotline.personal-data.*}). Checked at start-up: without proper keys the service refuses to
 * run rather than store data it could not protect.
 */
@Startup
@ApplicationScoped
public class MasterKeys extends MasterKeyRing {

    private static final String SETTING = "hotline.personal-data.master-key";
    private static final String UNWRAP_ONLY_SETTING = "hotline.personal-data.unwrap-only-master-keys";

    @Inject
    public MasterKeys(PersonalDataConfig config) {
        this(config.masterKeyVersion(), config.masterKey().filter(value -> !value.isBlank())
                .or(() -> config.masterKeyFile().map(MasterKeyRing::read))
                .orElseThrow(() -> new IllegalStateException(SETTING + " (or -file) is not set:"
                        + " give 32 random bytes in Base64, e.g. from openssl rand -base64 32")),
                Stream.concat(config.unwrapOnlyMasterKeys().stream().flatMap(List::stream),
                        config.unwrapOnlyMasterKeysFile().stream().flatMap(file -> read(file).lines())).toList());
    }

    /** @see MasterKeyRing#MasterKeyRing */
    public MasterKeys(int activeVersion, String activeKey, List<String> unwrapOnly) {
        super(SETTING, UNWRAP_ONLY_SETTING, activeVersion, activeKey, unwrapOnly);
    }
}
