package org.hotline.intake.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

class OutboxAgeCheckTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final OutboxAgeCheck check = new OutboxAgeCheck(null, () -> Duration.ofMinutes(5),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anEmptyOutboxIsReady() {
        assertThat(check.judge(null).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void anEventYoungerThanTheLimitIsReady() {
        assertThat(check.judge(NOW.minusSeconds(299)).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void anEventOlderThanTheLimitIsNotReadyAndTheAgeIsReported() {
        var response = check.judge(NOW.minus(Duration.ofMinutes(6)));

        assertThat(response.getStatus()).isEqualTo(Status.DOWN);
        assertThat(response.getData()).get().satisfies(data -> assertThat(data.get("ageSeconds")).isEqualTo(360L));
    }
}
