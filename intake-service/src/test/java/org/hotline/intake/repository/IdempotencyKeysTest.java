package org.hotline.intake.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.UUID;

import org.hotline.intake.FakeCaseService;
import org.hotline.intake.IntakeDatabase;
import org.hotline.intake.TestClock;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The answers to Idempotency-Keys go once their retention (24 h) has passed, on a schedule. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@WithTestResource(FakeCaseService.class)
class IdempotencyKeysTest {

    @Inject
    IdempotencyKeys keys;

    @Inject
    Scheduler scheduler;

    @Test
    void thePurgeRemovesTheAnswersPastTheRetentionAndKeepsTheOthers() {
        String aged = "contact:operator-3:" + UUID.randomUUID();
        String fresh = "contact:operator-3:" + UUID.randomUUID();
        store(aged, Duration.ofHours(25));
        store(fresh, Duration.ofHours(23));

        keys.purgeExpired();

        assertThat(rowsOf(aged)).isZero();
        assertThat(rowsOf(fresh)).isEqualTo(1);
    }

    @Test
    void thePurgeIsScheduled() {
        assertThat(scheduler.getScheduledJobs()).anySatisfy(job -> assertThat(job.getMethodDescription())
                .isEqualTo(IdempotencyKeys.class.getName() + "#purgeExpired"));
    }

    private static void store(String key, Duration age) {
        IntakeDatabase.count("""
                with stored as (insert into idempotency_key (key, request_fingerprint, status, response_body, created_at)
                                values (?, 'f', 201, '{}', ?) returning 1) select count(*) from stored""",
                key, Timestamp.from(TestClock.CLOCK.instant().minus(age)));
    }

    private static long rowsOf(String key) {
        return IntakeDatabase.count("select count(*) from idempotency_key where key = ?", key);
    }
}
