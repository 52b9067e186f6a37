package org.hotline.audit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class PublishedSecretsTest {

    @Test
    void theDatabasePasswordPlaceholderOfEnvExampleIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> PublishedSecrets.refuseIfPublished("quarkus.datasource.password",
                Optional.of("replace-me-with-a-long-random-password")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("quarkus.datasource.password is a published placeholder")
                .hasMessageNotContaining("replace-me-with");
    }

    @Test
    void aRandomPasswordAndNoPasswordPass() {
        assertThatCode(() -> PublishedSecrets.refuseIfPublished("quarkus.flyway.password",
                Optional.of("Qk9mYkR1c3Q3d0ZvUGJ0eXhUS0dQd0hO"))).doesNotThrowAnyException();
        assertThatCode(() -> PublishedSecrets.refuseIfPublished("quarkus.flyway.password", Optional.empty()))
                .doesNotThrowAnyException();
    }
}
