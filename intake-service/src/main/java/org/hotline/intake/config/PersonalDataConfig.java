package org.hotline.intake.config;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/** How personal data is sealed at rest. */
@ConfigMapping(prefix = "hotline.personal-data")
public interface PersonalDataConfig {

    /**
     * The master key that wraps every caller's data key: 32 random bytes, Base64
     * ({@code HOTLINE_PERSONAL_DATA_MASTER_KEY}, e.g. from {@code openssl rand -base64 32}).
     * Never in the repository; give this or {@link #masterKeyFile()}.
     */
    Optional<String> masterKey();

    /**
     * A file holding the master key in Base64 ({@code HOTLINE_PERSONAL_DATA_MASTER_KEY_FILE}), for
     * a secret mounted by the platform rather than passed in the environment.
     */
    Optional<Path> masterKeyFile();

    /** Which master key this is, kept beside each wrapped key so that keys can be re-wrapped later. */
    @WithDefault("1")
    @Min(1)
    int masterKeyVersion();
}
