package org.hotline.cases.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/** How officers' free text is sealed at rest (see {@code CaseTexts}). */
@ConfigMapping(prefix = "hotline.case-text")
public interface CaseTextConfig {

    /**
     * The active master key, which wraps every case's text key: 32 random bytes, Base64
     * ({@code HOTLINE_CASE_TEXT_MASTER_KEY}, e.g. from {@code openssl rand -base64 32}). Never in
     * the repository, and not intake's key; give this or {@link #masterKeyFile()}, or the service
     * refuses to start.
     */
    Optional<String> masterKey();

    /** A file holding the master key in Base64 ({@code HOTLINE_CASE_TEXT_MASTER_KEY_FILE}), for a mounted secret. */
    Optional<Path> masterKeyFile();

    /** Which master key is active; kept beside each wrapped key. */
    @WithDefault("1")
    @Min(1)
    int masterKeyVersion();

    /**
     * Older (or next) master keys that unwrap but never wrap, each {@code VERSION:BASE64}
     * ({@code HOTLINE_CASE_TEXT_UNWRAP_ONLY_MASTER_KEYS}), while a rotation is under way.
     */
    Optional<List<String>> unwrapOnlyMasterKeys();
}
