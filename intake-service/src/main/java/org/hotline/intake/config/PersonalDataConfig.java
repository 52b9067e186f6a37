package org.hotline.intake.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/** How personal data is sealed at rest, how its master keys rotate and how long it is kept. */
@ConfigMapping(prefix = "hotline.personal-data")
public interface PersonalDataConfig {

    /**
     * The active master key, which wraps every new caller's data key: 32 random bytes, Base64
     * ({@code HOTLINE_PERSONAL_DATA_MASTER_KEY}, e.g. from {@code openssl rand -base64 32}).
     * Never in the repository; give this or {@link #masterKeyFile()}.
     */
    Optional<String> masterKey();

    /**
     * A file holding the master key in Base64 ({@code HOTLINE_PERSONAL_DATA_MASTER_KEY_FILE}), for
     * a secret mounted by the platform rather than passed in the environment.
     */
    Optional<Path> masterKeyFile();

    /**
     * Which master key is active, kept beside each wrapped key: the rotation job re-wraps every
     * data key under another version with this one.
     */
    @WithDefault("1")
    @Min(1)
    int masterKeyVersion();

    /**
     * Further master keys that unwrap but never wrap, each {@code VERSION:BASE64}
     * ({@code HOTLINE_PERSONAL_DATA_UNWRAP_ONLY_MASTER_KEYS=1:...,3:...}): the retired key while
     * its data keys are re-wrapped, or the next key while instances are told of it before it turns
     * active. Never in the repository.
     */
    Optional<List<String>> unwrapOnlyMasterKeys();

    /** A file holding such keys, one {@code VERSION:BASE64} a line, for a mounted secret. */
    Optional<Path> unwrapOnlyMasterKeysFile();

    /**
     * How long a caller's personal data is kept after his last case reached a final state (and
     * after his last contact), then erased by destroying his data key. 90 days: long enough to
     * answer a late follow-up, a relative's inquiry or an exchange-list query about a closed case;
     * short enough that a seized or leaked database names as few men as the work allows.
     */
    @WithDefault("P90D")
    Duration retention();

    /** How often callers past {@link #retention()} are looked for. */
    @WithDefault("1h")
    Duration retentionCheckEvery();

    /** How often data keys under an older master key are looked for and re-wrapped. */
    @WithDefault("1m")
    Duration rotationCheckEvery();

    /**
     * Rows handled per transaction by the re-wrapping and retention jobs: small, so that row
     * locks are held briefly and several instances share the work.
     */
    @WithDefault("200")
    @Min(1)
    int jobBatchSize();
}
