package org.hotline.intake.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceholderSecretsTest {

    /** Outside dev and test, every value committed to the repository is refused, the test keys included. */
    @ParameterizedTest
    @ValueSource(strings = { "replace-me-with-at-least-32-random-characters", "replace-me-with-openssl-rand-base64-32",
            "dev-only-caller-key-secret-not-for-real-callers", "test-only-caller-key-secret-not-for-real-callers",
            "P2FT1JybGdEPZdPFB20nM6q9BtvD1KG7bZqN4aKKyx0=", "LLtB5PB0iudXQJwltm3JcpTMEQhMhF6hAVlL1st/6O4=" })
    void publishedValuesAreRefused(String published) {
        assertThatThrownBy(() -> PlaceholderSecrets.refuseIfPublished("secret", Optional.of(published)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("published placeholder");
    }

    @Test
    void randomValuesPass() {
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[32];
        random.nextBytes(key);
        byte[] secret = new byte[16];
        random.nextBytes(secret);
        assertThatCode(() -> PlaceholderSecrets.refuseIfPublished("secret",
                Optional.of(Base64.getEncoder().encodeToString(key)))).doesNotThrowAnyException();
        assertThatCode(() -> PlaceholderSecrets.refuseIfPublished("secret", Optional.of(HexFormat.of().formatHex(secret))))
                .doesNotThrowAnyException();
    }
}
