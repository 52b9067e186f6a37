package org.hotline.stats.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.hotline.events.CareKind;
import org.hotline.events.CaseCareRecorded;
import org.hotline.events.CaseInquiryLinked;
import org.hotline.events.CaseOpened;
import org.hotline.events.CaseState;
import org.hotline.events.CaseTransitioned;
import org.hotline.events.CustodyMode;
import org.hotline.events.HotlineEvent;
import org.hotline.events.Origin;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.hotline.problem.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;

/**
 * The case figures, computed from case events applied to a generation of their own (so no other
 * test's cases count), at an instant the test chooses.
 */
@QuarkusTest
@TestSecurity(user = "analyst-2", roles = { Roles.ANALYST, Roles.ADMIN })
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "stats"))
class CaseFiguresTest {

    private static final Instant T0 = Instant.parse("2023-01-10T08:00:00Z");

    @Inject
    StatsWriter writer;

    @Inject
    StatsQuery query;

    /** A case from request to custody, its events in the given order, each one stated twice. */
    private static List<HotlineEvent> surrendered(UUID caseId, Duration toCustody) {
        return List.of(
                new CaseOpened(UUID.randomUUID(), caseId, "K7M2-Q9TX", 1, T0, "ck-" + caseId, Origin.RU,
                        CaseState.REQUESTED, null),
                transition(caseId, 2, T0.plus(Duration.ofHours(1)), CaseState.REQUESTED, CaseState.VERIFIED, null),
                transition(caseId, 3, T0.plus(Duration.ofHours(2)), CaseState.VERIFIED,
                        CaseState.SURRENDER_ARRANGED, null),
                transition(caseId, 4, T0.plus(toCustody), CaseState.SURRENDER_ARRANGED, CaseState.IN_CUSTODY,
                        CustodyMode.SURRENDERED));
    }

    private static CaseTransitioned transition(UUID caseId, long version, Instant at, CaseState from, CaseState to,
                                               CustodyMode mode) {
        return new CaseTransitioned(UUID.randomUUID(), caseId, "K7M2-Q9TX", version, at, from, to, mode, Origin.RU);
    }

    private static CaseOpened captured(UUID caseId, Instant at) {
        return new CaseOpened(UUID.randomUUID(), caseId, "C4PT-URED", 1, at, null, Origin.UA_OCCUPIED,
                CaseState.IN_CUSTODY, CustodyMode.CAPTURED);
    }

    private static CaseCareRecorded care(UUID caseId, long version, Instant at, CareKind kind) {
        return new CaseCareRecorded(UUID.randomUUID(), caseId, "C4PT-URED", version, at, kind);
    }

    private static int freshGeneration() {
        return 1_000_000 + ThreadLocalRandom.current().nextInt(1_000_000_000);
    }

    private Summary.Cases casesAt(int generation, Instant now, List<HotlineEvent> events) {
        writer.applyReplayed(generation, events);
        return QuarkusTransaction.requiringNew().call(() -> query.cases(generation, now));
    }

    @Test
    void theFunnelCountsEveryCaseThatEverReachedEachStageAndCustodyIsSplitByMode() {
        UUID surrendered = UUID.randomUUID();
        UUID exchanged = UUID.randomUUID();
        UUID withdrawn = UUID.randomUUID();
        List<HotlineEvent> events = new ArrayList<>(surrendered(surrendered, Duration.ofHours(30)));
        events.addAll(surrendered(exchanged, Duration.ofHours(50)));
        events.add(transition(exchanged, 5, T0.plus(Duration.ofDays(40)), CaseState.IN_CUSTODY, CaseState.EXCHANGED,
                null));
        events.add(new CaseOpened(UUID.randomUUID(), withdrawn, "W1TH-DRAW", 1, T0, "ck-w", Origin.BY,
                CaseState.REQUESTED, null));
        events.add(transition(withdrawn, 2, T0.plus(Duration.ofHours(3)), CaseState.REQUESTED, CaseState.WITHDRAWN,
                null));
        events.add(captured(UUID.randomUUID(), T0));

        Summary.Cases cases = casesAt(freshGeneration(), T0.plus(Duration.ofDays(1)), events);

        assertThat(cases.funnel()).isEqualTo(ordered(CaseState.REQUESTED, 3L, CaseState.VERIFIED, 2L,
                CaseState.SURRENDER_ARRANGED, 2L, CaseState.IN_CUSTODY, 3L));
        assertThat(cases.custodyByMode()).isEqualTo(Map.of(CustodyMode.SURRENDERED, 2L, CustodyMode.CAPTURED, 1L));
        Map<CaseState, Long> byState = new EnumMap<>(CaseState.class);
        for (CaseState state : CaseState.values()) {
            byState.put(state, 0L);
        }
        byState.putAll(Map.of(CaseState.IN_CUSTODY, 2L, CaseState.EXCHANGED, 1L, CaseState.WITHDRAWN, 1L));
        assertThat(cases.byState()).isEqualTo(byState);
    }

    @Test
    void theMedianFromRequestToCustodyLeavesOutCasesOpenedInCustody() {
        List<HotlineEvent> events = new ArrayList<>();
        events.addAll(surrendered(UUID.randomUUID(), Duration.ofHours(10)));
        events.addAll(surrendered(UUID.randomUUID(), Duration.ofHours(30)));
        events.addAll(surrendered(UUID.randomUUID(), Duration.ofHours(41).plusMinutes(30)));
        events.add(captured(UUID.randomUUID(), T0));

        Summary.Cases cases = casesAt(freshGeneration(), T0.plus(Duration.ofDays(3)), events);

        assertThat(cases.medianRequestToCustody()).isEqualTo(new Summary.MedianDuration("PT30H", 30.0, 3));
    }

    @Test
    void anEvenNumberOfCasesHasTheMeanOfTheMiddleTwoAsMedian() {
        List<HotlineEvent> events = new ArrayList<>();
        events.addAll(surrendered(UUID.randomUUID(), Duration.ofHours(10)));
        events.addAll(surrendered(UUID.randomUUID(), Duration.ofHours(11)));

        Summary.Cases cases = casesAt(freshGeneration(), T0.plus(Duration.ofDays(3)), events);

        assertThat(cases.medianRequestToCustody()).isEqualTo(new Summary.MedianDuration("PT10H30M", 10.5, 2));
    }

    @Test
    void withoutAnyCaseReachingCustodyThereIsNoMedian() {
        Summary.Cases cases = casesAt(freshGeneration(), T0, List.of(new CaseOpened(UUID.randomUUID(),
                UUID.randomUUID(), "N0NE-YETX", 1, T0, "ck", Origin.RU, CaseState.REQUESTED, null)));

        assertThat(cases.medianRequestToCustody()).isNull();
    }

    @Test
    void aCaseInCustodyIsOverdueForEachCareNotGivenWithinItsDeadline() {
        UUID carded = UUID.randomUUID();
        UUID neglected = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        UUID exchanged = UUID.randomUUID();
        List<HotlineEvent> events = new ArrayList<>();
        events.add(captured(carded, T0));
        events.add(care(carded, 2, T0.plus(Duration.ofDays(2)), CareKind.CAPTURE_CARD_SENT));
        events.add(care(carded, 3, T0.plus(Duration.ofDays(3)), CareKind.MEDICAL_CARE));
        events.add(new CaseInquiryLinked(UUID.randomUUID(), carded, "C4PT-URED", 4, T0.plus(Duration.ofDays(4)),
                UUID.randomUUID()));
        events.add(captured(neglected, T0));
        events.add(care(neglected, 2, T0.plus(Duration.ofDays(9)), CareKind.FAMILY_CONTACT));
        events.add(captured(recent, T0.plus(Duration.ofDays(5))));
        events.add(captured(exchanged, T0));
        events.add(transition(exchanged, 2, T0.plus(Duration.ofDays(8)), CaseState.IN_CUSTODY, CaseState.EXCHANGED,
                null));

        int generation = freshGeneration();
        Summary.Cases beforeDeadline = casesAt(generation, T0.plus(Duration.ofDays(7)), events);
        Summary.Cases afterDeadline = QuarkusTransaction.requiringNew()
                .call(() -> query.cases(generation, T0.plus(Duration.ofDays(10))));

        assertThat(beforeDeadline.overdueByDeadline())
                .isEqualTo(Map.of("captureCard", 0L, "familyContact", 0L, "informationBureau", 0L));
        // After 10 days: carded lacks family contact and the bureau; neglected lacks the card and the bureau.
        assertThat(afterDeadline.overdueByDeadline())
                .isEqualTo(Map.of("captureCard", 1L, "familyContact", 1L, "informationBureau", 2L));
    }

    @Test
    void eventsOfOneCaseGiveTheSameFiguresInAnyOrderAndDeliveredTwice() {
        UUID caseId = UUID.randomUUID();
        List<HotlineEvent> inOrder = new ArrayList<>(surrendered(caseId, Duration.ofHours(20)));
        inOrder.add(care(caseId, 5, T0.plus(Duration.ofDays(1)), CareKind.CAPTURE_CARD_SENT));
        List<HotlineEvent> shuffled = new ArrayList<>(inOrder);
        Collections.reverse(shuffled);
        shuffled.addAll(inOrder);

        Instant now = T0.plus(Duration.ofDays(30));
        assertThat(casesAt(freshGeneration(), now, shuffled)).isEqualTo(casesAt(freshGeneration(), now, inOrder));
    }

    private static Map<CaseState, Long> ordered(Object... pairs) {
        Map<CaseState, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((CaseState) pairs[i], (Long) pairs[i + 1]);
        }
        return map;
    }
}
