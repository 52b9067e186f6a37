package org.hotline.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.hotline.history.Reconciliation.CaseContacts;
import org.hotline.history.Reconciliation.CaseFigures;
import org.hotline.history.Reconciliation.Drift;
import org.hotline.history.Reconciliation.IntakeFigures;
import org.hotline.history.Reconciliation.StatsFigures;
import org.junit.jupiter.api.Test;

/**
 * Every "no drift" of the fault and outage suites rests on {@link Reconciliation}: each kind of
 * drift it is meant to see is planted here in stores that otherwise agree, and must be reported.
 *
 * <p>The agreeing stores: in 2023-02 three contacts (two surrender requests from RU of callers A
 * and B, one follow-up of A naming his case), in 2023-03 one information call from UA_OCCUPIED and
 * a relative's inquiry naming B's case that waits as unsettled. A's case has two contacts, B's one;
 * A's is VERIFIED, B's REQUESTED.
 */
class ReconciliationTest {

    private static final YearMonth FEB = YearMonth.of(2023, 2);
    private static final YearMonth MAR = YearMonth.of(2023, 3);

    private final SortedMap<YearMonth, Map<String, Long>> contacts = new TreeMap<>(Map.of(
            FEB, new TreeMap<>(Map.of("total", 3L, "origin=RU", 3L, "purpose=SURRENDER_REQUEST", 2L,
                    "purpose=FOLLOW_UP", 1L)),
            MAR, new TreeMap<>(Map.of("total", 2L, "origin=UA_OCCUPIED", 2L, "purpose=INFORMATION", 1L,
                    "purpose=RELATIVE_INQUIRY", 1L))));
    private final Map<String, YearMonth> firstRequest = new TreeMap<>(Map.of("caller-a", FEB, "caller-b", FEB));
    private final Map<YearMonth, Long> namingACase = new TreeMap<>(Map.of(FEB, 3L, MAR, 1L));

    private final Map<String, Long> casesOfCaller = new TreeMap<>(Map.of("caller-a", 1L, "caller-b", 1L));
    private final Map<YearMonth, Long> linked = new TreeMap<>(Map.of(FEB, 3L));
    private final Map<YearMonth, Long> unsettled = new TreeMap<>(Map.of(MAR, 1L));
    private final Map<String, CaseContacts> caseContacts = new TreeMap<>(Map.of(
            "AAAA-AAAA", new CaseContacts(FEB, 2, 2), "BBBB-BBBB", new CaseContacts(FEB, 1, 1)));
    private final SortedMap<YearMonth, Map<String, Long>> opened = new TreeMap<>(Map.of(
            FEB, new TreeMap<>(Map.of("total", 2L, "origin=RU", 2L))));
    private final Map<String, Long> byState = new TreeMap<>(Map.of("REQUESTED", 1L, "VERIFIED", 1L));

    private final Map<YearMonth, Map<String, Long>> statsContacts = copy(contacts);
    private final Map<YearMonth, Map<String, Long>> statsOpened = copy(opened);
    private final Map<String, Long> statsByState = new TreeMap<>(byState);

    @Test
    void storesThatAgreeShowNoDrift() {
        assertThat(drifts()).isEmpty();
    }

    @Test
    void aContactStatsLostIsReportedInItsMonthTotalOriginAndPurpose() {
        statsContacts.put(MAR, new TreeMap<>(Map.of("total", 1L, "origin=UA_OCCUPIED", 1L, "purpose=RELATIVE_INQUIRY", 1L)));

        assertThat(drifts()).containsExactly(
                new Drift(MAR, "stats contacts origin=UA_OCCUPIED", 2, 1),
                new Drift(MAR, "stats contacts purpose=INFORMATION", 1, 0),
                new Drift(MAR, "stats contacts total", 2, 1));
    }

    @Test
    void aContactStatsCountedTwiceIsReported() {
        statsContacts.get(FEB).merge("total", 1L, Long::sum);
        statsContacts.get(FEB).merge("origin=RU", 1L, Long::sum);
        statsContacts.get(FEB).merge("purpose=FOLLOW_UP", 1L, Long::sum);

        assertThat(drifts()).containsExactly(
                new Drift(FEB, "stats contacts origin=RU", 3, 4),
                new Drift(FEB, "stats contacts purpose=FOLLOW_UP", 1, 2),
                new Drift(FEB, "stats contacts total", 3, 4));
    }

    @Test
    void aContactStatsCountsInAMonthIntakeHasNoneOfIsReported() {
        statsContacts.put(YearMonth.of(2023, 4), new TreeMap<>(Map.of("total", 1L, "origin=RU", 1L)));

        assertThat(drifts()).containsExactly(
                new Drift(YearMonth.of(2023, 4), "stats contacts origin=RU", 0, 1),
                new Drift(YearMonth.of(2023, 4), "stats contacts total", 0, 1));
    }

    @Test
    void aSurrenderCallerWithoutACaseIsReported() {
        casesOfCaller.remove("caller-b");

        assertThat(drifts()).containsExactly(new Drift(FEB, "surrender callers without a case", 2, 1));
    }

    @Test
    void aSurrenderCallerWithTwoCasesIsReported() {
        casesOfCaller.put("caller-a", 2L);

        assertThat(drifts()).containsExactly(new Drift(FEB, "surrender callers with 2+ cases", 2, 3));
    }

    @Test
    void aCaseOfACallerIntakeNeverHadIsReported() {
        casesOfCaller.put("caller-unknown", 1L);

        assertThat(drifts()).containsExactly(
                new Drift(Reconciliation.NO_MONTH, "cases of callers intake never had", 0, 1));
    }

    @Test
    void aFollowUpCaseServiceNeverLinkedIsReported() {
        linked.put(FEB, 2L);

        assertThat(drifts()).containsExactly(
                new Drift(FEB, "case-service contacts linked or unsettled (against intake)", 3, 2));
    }

    @Test
    void anInquiryBothLinkedAndStillWaitingIsReported() {
        linked.put(MAR, 1L);

        assertThat(drifts()).containsExactly(
                new Drift(MAR, "case-service contacts linked or unsettled (against intake)", 1, 2));
    }

    @Test
    void aFollowUpCountedTwiceOnItsCaseIsReported() {
        caseContacts.put("AAAA-AAAA", new CaseContacts(FEB, 3, 2));

        assertThat(drifts()).containsExactly(
                new Drift(FEB, "case-service contact counts of cases (against their links)", 2, 3));
    }

    @Test
    void aCaseOpenedStatsCountedTwiceIsReported() {
        statsOpened.put(FEB, new TreeMap<>(Map.of("total", 3L, "origin=RU", 3L)));

        assertThat(drifts()).containsExactly(
                new Drift(FEB, "stats cases opened origin=RU", 2, 3),
                new Drift(FEB, "stats cases opened total", 2, 3));
    }

    @Test
    void aCaseOpenedStatsNeverSawIsReported() {
        statsOpened.clear();

        assertThat(drifts()).containsExactly(
                new Drift(FEB, "stats cases opened origin=RU", 2, 0),
                new Drift(FEB, "stats cases opened total", 2, 0));
    }

    @Test
    void aTransitionStatsMissedIsReportedInBothStates() {
        statsByState.put("REQUESTED", 2L);
        statsByState.remove("VERIFIED");

        assertThat(drifts()).containsExactly(
                new Drift(Reconciliation.NO_MONTH, "stats cases now REQUESTED (against case-service)", 1, 2),
                new Drift(Reconciliation.NO_MONTH, "stats cases now VERIFIED (against case-service)", 1, 0));
    }

    @Test
    void everyPlantedDriftIsReportedTogether() {
        statsContacts.get(FEB).merge("total", 1L, Long::sum);
        casesOfCaller.remove("caller-b");
        linked.put(FEB, 2L);
        caseContacts.put("AAAA-AAAA", new CaseContacts(FEB, 3, 2));
        statsByState.put("VERIFIED", 2L);

        assertThat(drifts()).extracting(Drift::figure).containsExactly(
                "stats contacts total",
                "surrender callers without a case",
                "case-service contacts linked or unsettled (against intake)",
                "case-service contact counts of cases (against their links)",
                "stats cases now VERIFIED (against case-service)");
    }

    private List<Drift> drifts() {
        return Reconciliation.compare(new IntakeFigures(contacts, firstRequest, namingACase),
                new CaseFigures(casesOfCaller, linked, unsettled, caseContacts, opened, byState),
                new StatsFigures(statsContacts, statsOpened, statsByState));
    }

    private static Map<YearMonth, Map<String, Long>> copy(SortedMap<YearMonth, Map<String, Long>> cells) {
        Map<YearMonth, Map<String, Long>> copy = new TreeMap<>();
        cells.forEach((month, cell) -> copy.put(month, new TreeMap<>(cell)));
        return copy;
    }
}
