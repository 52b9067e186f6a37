package org.hotline.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hotline.events.Origin;
import org.hotline.events.Purpose;
import org.junit.jupiter.api.Test;

class HistoryPlanTest {

    @Test
    void atScaleOneThePlanIsTheReferenceTableExactly() {
        HistoryPlan plan = HistoryPlan.of(BigDecimal.ONE);

        assertThat(surrenderRequestsByMonth(plan)).containsExactlyEntriesOf(referenceTable(1));
        assertThat(plan.contacts()).isEqualTo(14_200_000L);
        assertThat(plan.russian()).isEqualTo(11_913_800L);
        assertThat(plan.months().stream().mapToLong(HistoryPlan.MonthPlan::contacts).sum()).isEqualTo(14_200_000L);
        assertThat(plan.months().stream().mapToLong(m -> m.russianSurrenderRequests() + m.russianOthers()).sum())
                .isEqualTo(11_913_800L);
        assertThat(plan.surrenderRequests()).isEqualTo(13_636L);
    }

    @Test
    void theTableAgreesWithThePublishedFigures() {
        Map<YearMonth, Long> table = referenceTable(1);
        long septemberToFebruary = table.entrySet().stream()
                .filter(e -> e.getKey().isBefore(YearMonth.of(2023, 3))).mapToLong(Map.Entry::getValue).sum();

        assertThat(septemberToFebruary).isEqualTo(9_836L);
        assertThat(table.get(YearMonth.of(2023, 3))).isEqualTo(2 * table.get(YearMonth.of(2023, 2)));
        assertThat(table.get(YearMonth.of(2022, 11))).isEqualTo(3_500L);
    }

    @Test
    void atAHundredthEveryMonthIsTheTableRoundedHalfUp() {
        HistoryPlan plan = HistoryPlan.of(new BigDecimal("0.01"));

        Map<YearMonth, Long> expected = new LinkedHashMap<>();
        List.of(5L, 18L, 35L, 14L, 11L, 15L, 30L, 8L).forEach(value -> expected.put(
                ReferenceHistory.MONTHS.get(expected.size()).month(), value));
        assertThat(surrenderRequestsByMonth(plan)).containsExactlyEntriesOf(expected);
        assertThat(plan.contacts()).isEqualTo(142_000L);
        assertThat(plan.russian()).isEqualTo(119_138L);
    }

    @Test
    void theGeneratedContactsMatchThePlanAndAreTheSameForTheSameSeed() {
        HistoryPlan plan = HistoryPlan.of(new BigDecimal("0.002"));
        Map<YearMonth, Long> requests = new TreeMap<>();
        Map<Origin, Long> origins = new EnumMap<>(Origin.class);
        Map<Purpose, Long> purposes = new EnumMap<>(Purpose.class);
        List<PlannedContact> first = new java.util.ArrayList<>();
        new SyntheticHistory(plan, 7).forEach(contact -> {
            first.add(contact);
            origins.merge(contact.origin(), 1L, Long::sum);
            purposes.merge(contact.purpose(), 1L, Long::sum);
            if (contact.purpose() == Purpose.SURRENDER_REQUEST) {
                requests.merge(YearMonth.from(contact.receivedAt().atZone(ZoneId.of("Europe/Kyiv"))), 1L, Long::sum);
                assertThat(contact.origin()).isIn(Origin.RU, Origin.UA_OCCUPIED);
            }
            assertThat(contact.receivedAt()).isBetween(
                    java.time.Instant.parse("2022-09-17T21:00:00Z"), java.time.Instant.parse("2023-04-07T21:00:00Z"));
        });
        List<PlannedContact> second = new java.util.ArrayList<>();
        new SyntheticHistory(plan, 7).forEach(second::add);

        assertThat(requests).containsExactlyEntriesOf(surrenderRequestsByMonth(plan));
        assertThat(first).hasSize((int) plan.contacts());
        assertThat(origins.get(Origin.RU)).isEqualTo(plan.russian());
        assertThat(purposes).containsKeys(Purpose.values());
        assertThat(second).isEqualTo(first);
    }

    private static Map<YearMonth, Long> surrenderRequestsByMonth(HistoryPlan plan) {
        Map<YearMonth, Long> months = new LinkedHashMap<>();
        plan.months().forEach(m -> months.put(m.month().month(), m.surrenderRequests()));
        return months;
    }

    private static Map<YearMonth, Long> referenceTable(int scale) {
        Map<YearMonth, Long> months = new LinkedHashMap<>();
        ReferenceHistory.MONTHS.forEach(m -> months.put(m.month(), (long) m.surrenderRequests() * scale));
        return months;
    }
}
