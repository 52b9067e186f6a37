package org.hotline.intake.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.hotline.events.CareKind;
import org.hotline.events.CaseCareRecorded;
import org.hotline.events.CaseOpened;
import org.hotline.events.CaseReference;
import org.hotline.events.CaseState;
import org.hotline.events.CaseTransitioned;
import org.hotline.events.Origin;
import org.hotline.intake.IntakeDatabase;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Kafka delivers at least once: intake's {@code cases-in} consumer gets the same case event again
 * after a rebalance or a crash before its commit, within one poll or in a later one, and must
 * apply it once. The events go through the real broker; a care record of the same case, on the
 * same partition and published last, shows when every copy before it has been read.
 *
 * <p>Intake's effects are idempotent on their own (a set insert, a state only a newer case version
 * replaces), so "once" shows in {@code processed_event}: one row per event id, written at the
 * first delivery and never again.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class CaseEventRedeliveryTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void aCaseEventDeliveredAgainWithinAPollAndInALaterOneIsAppliedOnce() {
        UUID caseId = UUID.randomUUID();
        String reference = CaseReference.generate(RANDOM, CaseReference.Issuer.CASE_SERVICE);
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        String callerKey = "p-" + HexFormat.of().formatHex(key);
        // Recent: a case final for longer than the retention is pruned by the retention job.
        Instant closedAt = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant openedAt = closedAt.minus(Duration.ofDays(3));
        CaseOpened opened = new CaseOpened(UUID.randomUUID(), caseId, reference, 1, openedAt, callerKey, Origin.RU,
                CaseState.REQUESTED, null);
        CaseTransitioned closed = new CaseTransitioned(UUID.randomUUID(), caseId, reference, 2, closedAt,
                CaseState.REQUESTED, CaseState.EXCHANGED, null, Origin.RU);

        RealInfrastructure.kafka().publish(List.of(opened, opened, closed, closed));
        await().atMost(Duration.ofSeconds(60)).until(() -> processed(opened.eventId()) == 1
                && processed(closed.eventId()) == 1);
        String firstApplied = IntakeDatabase.text("select string_agg(event_id::text || '@' || processed_at::text, ','"
                + " order by event_id) from processed_event where event_id in (?, ?)", opened.eventId(), closed.eventId());

        // Delivered again, as after a rebalance: the later copy of the opening is now older than the case.
        CaseCareRecorded last = new CaseCareRecorded(UUID.randomUUID(), caseId, reference, 3,
                closedAt.plusSeconds(60), CareKind.MEDICAL_CARE);
        RealInfrastructure.kafka().publish(List.of(closed, opened, last));
        await().atMost(Duration.ofSeconds(60)).until(() -> processed(last.eventId()) == 1);

        assertThat(processed(opened.eventId())).as("rows of the opening").isEqualTo(1);
        assertThat(processed(closed.eventId())).as("rows of the closing").isEqualTo(1);
        assertThat(IntakeDatabase.text("select string_agg(event_id::text || '@' || processed_at::text, ','"
                + " order by event_id) from processed_event where event_id in (?, ?)", opened.eventId(), closed.eventId()))
                .as("applied at the first delivery only").isEqualTo(firstApplied);
        assertThat(IntakeDatabase.text("select case_version || ' ' || coalesce(final_at::text, 'open')"
                + " from known_case where case_id = ?", caseId))
                .as("the case as of its newest event").isEqualTo("2 " + IntakeDatabase.text(
                        "select cast(? as timestamptz)::text", closedAt.toString()));
        assertThat(IntakeDatabase.count("select count(*) from case_caller where case_id = ?", caseId)).isEqualTo(1);
        assertThat(IntakeDatabase.count("select count(*) from case_caller where case_id = ? and caller_key = ?",
                caseId, callerKey)).isEqualTo(1);
    }

    private static long processed(UUID eventId) {
        return IntakeDatabase.count("select count(*) from processed_event where event_id = ?", eventId);
    }
}
