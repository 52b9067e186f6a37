package org.hotline.intake.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceholderSecretsTest {

    @ParameterizedTest
    @ValueSource(strings = { "replace-me-with-at-least-32-random-characters", "replace-me-with-openssl-rand-base64-32",
            "dev-only-caller-key-secret-not-for-real-callers", "test-only-caller-key-secret-not-for-real-callers" })
    void publishedValuesAreRefused(String published) {
        assertThatThrownBy(() -> PlaceholderSecrets.refuseIfPublished("secret", Optional.of(published)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("published placeholder");
    }

    @ParameterizedTest
    @ValueSource(strings = { "5f0c8e2b9a4d7c1e3b6a8f0d2c4e6a8b", "P2FT1JybGdEPZdPFB20nM6q9BtvD1KG7bZqN4aKKyx0=" })
    void randomValuesPass(String random) {
        assertThatCode(() -> PlaceholderSecrets.refuseIfPublished("secret", Optional.of(random))).doesNotThrowAnyException();
    }
}
