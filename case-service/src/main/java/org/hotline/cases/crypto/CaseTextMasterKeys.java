package org.hotline.cases.crypto;

import java.util.List;

import org.hotline.cases.config.CaseTextConfig;
import org.hotline.sealing.MasterKeyRing;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The keys that wrap every case's text key (the shared {@link MasterKeyRing}, from
 * {@code hotline.case-text.*}). Made at start-up: without a proper key (missing, not 32 bytes,
 * or a published placeholder) the service refuses to run rather than keep text it cannot seal.
 */
@Startup
@ApplicationScoped
public class CaseTextMasterKeys extends MasterKeyRing {

    private static final String SETTING = "hotline.case-text.master-key";

    @Inject
    public CaseTextMasterKeys(CaseTextConfig config) {
        super(SETTING, "hotline.case-text.unwrap-only-master-keys", config.masterKeyVersion(),
                config.masterKey().filter(value -> !value.isBlank())
                        .or(() -> config.masterKeyFile().map(MasterKeyRing::read))
                        .orElseThrow(() -> new IllegalStateException(SETTING + " (or -file) is not set:"
                                + " give 32 random bytes in Base64, e.g. from openssl rand -base64 32")),
                config.unwrapOnlyMasterKeys().orElse(List.of()));
    }
}
