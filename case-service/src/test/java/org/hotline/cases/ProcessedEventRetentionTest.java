package org.hotline.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.cases.Contacts.newCallerKey;
import static org.hotline.cases.Contacts.sendAsRelayed;
import static org.hotline.cases.Contacts.surrenderRequest;

import java.util.UUID;

import org.hotline.events.ContactRecorded;
import org.hotline.events.Topics;
import org.hotline.inbox.ProcessedEventRetention;
import org.hotline.testing.RealInfrastructure;
import org.hotline.testing.Traces;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The exactly-once record stays bounded: ids more than {@code keep} applied events old are
 * deleted, those of the dead letters (which may be replayed at any time) never.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "cases"))
class ProcessedEventRetentionTest {

    private static final String OLD = "2001-01-01T00:00:00Z";
    private static final String NEW = "2001-01-02T00:00:00Z";

    @Inject
    ProcessedEventRetention retention;

    @Inject
    EntityManager entities;

    @Test
    void onlyTheNewestIdsAndThoseOfDeadLettersAreKept() {
        // A surrender request without a reference can never open a case: it is dead-lettered.
        ContactRecorded poison = sendAsRelayed(surrenderRequest(newCallerKey(), null),
                Traces.traceparent(Traces.newTraceId(), Traces.newSpanId()));
        TopicReader.awaitRecords(Topics.CASE_SERVICE_DEAD_LETTERS, r -> poison.callerKey().equals(r.key()), 1);
        // 2,000 ids applied long ago, among them the dead letter's (as if a copy of it had been
        // applied), then 1,000 newer ones.
        insert(1_000, OLD);
        insertOne(poison.eventId(), OLD);
        insert(999, OLD);
        insert(1_000, NEW);
        UUID newest = UUID.randomUUID();
        insertOne(newest, NEW);

        long deleted = retention.prune(1_000);

        assertThat(deleted).isGreaterThanOrEqualTo(1_999);
        assertThat(count("processed_at = cast(?1 as timestamptz)", OLD)).as("old ids left").isEqualTo(1);
        assertThat(count("event_id = cast(?1 as uuid)", poison.eventId().toString())).as("the dead letter's id").isEqualTo(1);
        assertThat(count("event_id = cast(?1 as uuid)", newest.toString())).as("the newest id").isEqualTo(1);
        assertThat(retention.prune(1_000)).as("a second run finds nothing more to do").isZero();
    }

    private void insert(int ids, String processedAt) {
        QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery("""
                insert into processed_event (event_id, processed_at)
                select gen_random_uuid(), cast(?1 as timestamptz) from generate_series(1, ?2)""")
                .setParameter(1, processedAt).setParameter(2, ids).executeUpdate());
    }

    private void insertOne(UUID id, String processedAt) {
        QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery(
                "insert into processed_event (event_id, processed_at) values (?1, cast(?2 as timestamptz))")
                .setParameter(1, id).setParameter(2, processedAt).executeUpdate());
    }

    private long count(String condition, String value) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entities.createNativeQuery(
                "select count(*) from processed_event where " + condition).setParameter(1, value)
                .getSingleResult()).longValue());
    }
}
