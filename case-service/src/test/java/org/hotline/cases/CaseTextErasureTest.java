package org.hotline.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.cases.CaseApi.awaitCase;
import static org.hotline.cases.Contacts.newCallerKey;
import static org.hotline.cases.Contacts.newReference;
import static org.hotline.cases.Contacts.send;
import static org.hotline.cases.Officers.cared;
import static org.hotline.cases.Officers.moved;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hotline.cases.rest.HistoryEntry;
import org.hotline.cases.service.CaseTextBackfill;
import org.hotline.events.CallerRole;
import org.hotline.events.CaseState;
import org.hotline.events.Purpose;
import org.hotline.problem.Roles;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Officers' free text is sealed at rest, readable in the history, and gone for good when the
 * caller's erasure reaches the erasure ledger: states, times and officers stay; a second delivery
 * changes nothing; a database set back to before the erasure (a restored backup) is erased again.
 */
@QuarkusTest
@TestSecurity(user = Officers.OFFICER, roles = { Roles.CASE_OFFICER, Roles.ADMIN })
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "cases"))
class CaseTextErasureTest {

    @Inject
    EntityManager entities;

    @Inject
    CaseTextBackfill backfill;

    @Test
    void officersTextIsSealedInTheDatabaseAndReadInTheHistory() {
        String canary = canary();
        Case taken = caseInCustodyWithText(newCallerKey(), canary);

        assertThat(rowsHoldingInClear(taken.id(), canary)).as("rows holding the canary in clear").isZero();
        assertThat(sealedTexts(taken.id())).as("sealed reasons and notes").isEqualTo(3);
        List<HistoryEntry> history = CaseApi.history(taken.reference()).entries();
        assertThat(history).extracting(HistoryEntry::reason).contains("verified: " + canary, "crossed: " + canary);
        assertThat(history).extracting(HistoryEntry::note).contains("wound dressed: " + canary);
        assertThat(history).noneMatch(HistoryEntry::textErased);
    }

    @Test
    void anErasedCallersTextIsGoneAndHisCaseStaysAndASecondErasureChangesNothing() {
        String callerKey = newCallerKey();
        String canary = canary();
        Case taken = caseInCustodyWithText(callerKey, canary);
        List<HistoryEntry> before = CaseApi.history(taken.reference()).entries();

        Erasures.send(Erasures.erased(callerKey));
        List<HistoryEntry> after = awaitTextErased(taken.reference());

        assertThat(after).usingRecursiveComparison().isEqualTo(withoutText(before));
        assertThat(after.toString()).doesNotContain(canary);
        assertThat(awaitCase(taken.reference(), c -> true).state()).isEqualTo(CaseState.IN_CUSTODY);
        long erasedAt = erasedAt(taken.id());

        Erasures.send(Erasures.erased(callerKey));
        given().post("/api/v1/admin/erasure-ledger/catch-up").then().statusCode(200);

        assertThat(erasedAt(taken.id())).as("the first erasure's time").isEqualTo(erasedAt);
        assertThat(CaseApi.history(taken.reference()).entries()).usingRecursiveComparison().isEqualTo(after);
    }

    @Test
    void aDatabaseRestoredFromBeforeAnErasureIsErasedAgainOnCatchUp() {
        String callerKey = newCallerKey();
        String canary = canary();
        Case taken = caseInCustodyWithText(callerKey, canary);
        // The backup: the ledger's positions and the case's live text key, before the erasure.
        given().post("/api/v1/admin/erasure-ledger/catch-up").then().statusCode(200);
        Map<Integer, Long> positionsBefore = positions();
        Object[] keyBefore = textKey(taken.id());

        Erasures.send(Erasures.erased(callerKey));
        awaitTextErased(taken.reference());
        // (The scheduled catch-up, every second in tests, may apply it again before the request below.)
        restore(taken.id(), keyBefore, positionsBefore);

        given().post("/api/v1/admin/erasure-ledger/catch-up").then().statusCode(200);

        List<HistoryEntry> history = CaseApi.history(taken.reference()).entries();
        assertThat(history.toString()).doesNotContain(canary);
        assertThat(history).filteredOn(entry -> entry.type().equals("TRANSITION") || entry.type().equals("CARE"))
                .filteredOn(entry -> entry.reason() != null || entry.note() != null).isEmpty();
    }

    @Test
    void textWrittenBeforeItWasSealedIsSealedAndStillRead() {
        String canary = canary();
        String reference = Officers.capture("state", "IN_CUSTODY", "mode", "CAPTURED");
        UUID id = awaitCase(reference, c -> true).id();
        // As V5 left a reason given before: in clear, aside in reason_unsealed.
        QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery("""
                update case_transition set reason_unsealed = :reason, reason_sealed = null where case_id = :id""")
                .setParameter("reason", "captured near " + canary)
                .setParameter("id", id)
                .executeUpdate());

        assertThat(backfill.sealAll()).isGreaterThanOrEqualTo(1);

        assertThat(rowsHoldingInClear(id, canary)).isZero();
        assertThat(CaseApi.history(reference).entries()).extracting(HistoryEntry::reason)
                .containsExactly("captured near " + canary);
    }

    @Test
    void theCatchUpEndpointRefusesAnUnknownStart() {
        given().queryParam("from", "yesterday").post("/api/v1/admin/erasure-ledger/catch-up")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theWholeLedgerCanBeReadAgainAndChangesNothingAppliedBefore() {
        String callerKey = newCallerKey();
        Case taken = caseInCustodyWithText(callerKey, canary());
        Erasures.send(Erasures.erased(callerKey));
        List<HistoryEntry> erased = awaitTextErased(taken.reference());

        given().queryParam("from", "start").post("/api/v1/admin/erasure-ledger/catch-up")
                .then().statusCode(200);

        assertThat(CaseApi.history(taken.reference()).entries()).usingRecursiveComparison().isEqualTo(erased);
    }

    private record Case(UUID id, String reference) {
    }

    /** A case from a surrender request, moved into custody with reasons and given care with a note. */
    private Case caseInCustodyWithText(String callerKey, String canary) {
        Instant start = Contacts.now().minus(3, ChronoUnit.DAYS);
        String reference = newReference();
        send(Contacts.contact(callerKey, CallerRole.SERVICEMAN, Purpose.SURRENDER_REQUEST, reference, start));
        UUID id = awaitCase(reference, c -> true).id();
        moved(reference, "to", "VERIFIED", "reason", "verified: " + canary, "at", start.plusSeconds(3600).toString());
        moved(reference, "to", "IN_CUSTODY", "mode", "SURRENDERED", "reason", "crossed: " + canary,
                "at", start.plusSeconds(7200).toString());
        cared(reference, "kind", "MEDICAL_CARE", "at", start.plusSeconds(10800).toString(), "note",
                "wound dressed: " + canary);
        return new Case(id, reference);
    }

    private static String canary() {
        return "CANARY-" + UUID.randomUUID();
    }

    private static List<HistoryEntry> awaitTextErased(String reference) {
        await().atMost(Duration.ofSeconds(30)).until(() -> CaseApi.history(reference).entries().stream()
                .filter(HistoryEntry::textErased).count() == 3);
        return CaseApi.history(reference).entries();
    }

    /** The history as it must read after the erasure: every reason and note gone and flagged, the rest as it was. */
    private static List<HistoryEntry> withoutText(List<HistoryEntry> history) {
        return history.stream().map(e -> new HistoryEntry(e.type(), e.at(), e.caseVersion(), e.from(), e.to(),
                e.mode(), null, e.kind(), null, e.contactId(), e.purpose(), e.officer(),
                e.reason() != null || e.note() != null)).toList();
    }

    /** Rows of the case's transitions and care records that hold the canary in clear, in any column. */
    private long rowsHoldingInClear(UUID caseId, String canary) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entities.createNativeQuery("""
                select (select count(*) from case_transition t where t.case_id = :id
                          and (cast(t as text) like :pattern
                               or position(convert_to(:canary, 'UTF8') in coalesce(t.reason_sealed, cast('' as bytea))) > 0))
                     + (select count(*) from care_record r where r.case_id = :id
                          and (cast(r as text) like :pattern
                               or position(convert_to(:canary, 'UTF8') in coalesce(r.note_sealed, cast('' as bytea))) > 0))""")
                .setParameter("id", caseId)
                .setParameter("pattern", "%" + canary + "%")
                .setParameter("canary", canary)
                .getSingleResult()).longValue());
    }

    private long sealedTexts(UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entities.createNativeQuery("""
                select (select count(*) from case_transition where case_id = :id and reason_sealed is not null)
                     + (select count(*) from care_record where case_id = :id and note_sealed is not null)""")
                .setParameter("id", caseId)
                .getSingleResult()).longValue());
    }

    /** In microseconds since the epoch, as PostgreSQL keeps it. */
    private long erasedAt(UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entities.createNativeQuery(
                "select cast(extract(epoch from erased_at) * 1000000 as bigint) from case_text_key where case_id = :id")
                .setParameter("id", caseId)
                .getSingleResult()).longValue());
    }

    private Object[] textKey(UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) entities.createNativeQuery(
                "select wrapped_key, master_key_version from case_text_key where case_id = :id")
                .setParameter("id", caseId)
                .getSingleResult());
    }

    private Map<Integer, Long> positions() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<Integer, Long> positions = new HashMap<>();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entities.createNativeQuery(
                    "select partition, next_offset from erasure_ledger_position where topic = 'hotline.erasures.v1'")
                    .getResultList();
            rows.forEach(row -> positions.put(((Number) row[0]).intValue(), ((Number) row[1]).longValue()));
            return positions;
        });
    }

    /** What restoring the backup does to the rows that matter: the key is live again, the positions older. */
    private void restore(UUID caseId, Object[] key, Map<Integer, Long> positions) {
        QuarkusTransaction.requiringNew().run(() -> {
            entities.createNativeQuery("""
                    update case_text_key set wrapped_key = :wrapped, master_key_version = :version, erased_at = null
                    where case_id = :id""")
                    .setParameter("wrapped", key[0])
                    .setParameter("version", key[1])
                    .setParameter("id", caseId)
                    .executeUpdate();
            positions.forEach((partition, next) -> entities.createNativeQuery("""
                    update erasure_ledger_position set next_offset = :next
                    where topic = 'hotline.erasures.v1' and partition = :partition""")
                    .setParameter("next", next)
                    .setParameter("partition", partition)
                    .executeUpdate());
        });
    }
}
