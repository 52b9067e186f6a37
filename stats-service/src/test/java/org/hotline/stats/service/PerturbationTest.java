package org.hotline.stats.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Published counts cannot be differenced: suppressed below the threshold, otherwise rounded to a
 * multiple of 5 on their own (hidden if that is below the threshold), so that no subtraction of published figures (two publications, a
 * total and its parts) yields a count exactly. The figures are published here as PublicStats
 * publishes them: {@link Perturbation#protect} for a row, {@link Perturbation#round} for a count.
 */
class PerturbationTest {

    private static final int THRESHOLD = 10;
    private static final String SMALL = "<10";

    @Test
    void aCountIsRoundedToTheNearestMultipleOfFive() {
        assertThat(List.of(10L, 11L, 12L, 13L, 14L, 15L, 9_836L, 14_200_000L).stream().map(Perturbation::round))
                .containsExactly(10L, 10L, 10L, 15L, 15L, 15L, 9_835L, 14_200_000L);
    }

    /** Adjacent publications that differ by one contact, in a cumulative or a per-period cell. */
    @Test
    void oneMoreContactMovesAPublishedCountByZeroOrFiveNeverByOne() {
        for (long count = 0; count < 20_000; count++) {
            Object before = alone(count);
            Object after = alone(count + 1);
            if (before instanceof Long b && after instanceof Long a) {
                assertThat(a - b).as("%d then %d", count, count + 1).isIn(0L, 5L);
            } else if (before instanceof Long) {
                throw new AssertionError("a count never falls below the threshold by growing");
            }
        }
    }

    /**
     * Two cumulative publications (the day before and the day itself) and the day's own count: an
     * observer who holds all three, and every value each could stand for, never pins the day's
     * count to one value. A day of 1 to 9 contacts is never told apart from its neighbours.
     */
    @Test
    void noDayCanBeWorkedOutFromTwoCumulativePublicationsAndItsOwnCount() {
        Random random = new Random(20230408);
        for (int i = 0; i < 20_000; i++) {
            long cumulativeBefore = random.nextInt(3) == 0 ? random.nextInt(30) : random.nextInt(2_000);
            long day = random.nextInt(2) == 0 ? random.nextInt(THRESHOLD) : random.nextInt(60);
            Object publishedBefore = alone(cumulativeBefore);
            Object publishedAfter = alone(cumulativeBefore + day);
            Object publishedDay = alone(day);

            Set<Long> possibleDays = new HashSet<>();
            for (long before : standsFor(publishedBefore)) {
                for (long dayValue : standsFor(publishedDay)) {
                    if (standsFor(publishedAfter).contains(before + dayValue)) {
                        possibleDays.add(dayValue);
                    }
                }
            }
            assertThat(possibleDays).as("before %d, day %d", cumulativeBefore, day).contains(day).hasSizeGreaterThan(1);
            if (publishedBefore instanceof Long b && publishedAfter instanceof Long a) {
                assertThat((a - b) % Perturbation.BASE).isZero();
            }
        }
    }

    /**
     * A total and its parts, each published on its own after suppression: whatever the row, each
     * part below the threshold can still take at least two values given the published total and
     * every other published part.
     */
    @Test
    void noSmallPartCanBeWorkedOutFromThePublishedTotalAndTheOtherParts() {
        Random random = new Random(1122);
        for (int i = 0; i < 3_000; i++) {
            int size = 2 + random.nextInt(3);
            Map<Integer, Long> row = new LinkedHashMap<>();
            for (int c = 0; c < size; c++) {
                row.put(c, (long) (random.nextInt(3) == 0 ? random.nextInt(THRESHOLD) : random.nextInt(40)));
            }
            Suppression.Row<Integer> marks = Perturbation.protect(row, THRESHOLD);
            long total = row.values().stream().mapToLong(Long::longValue).sum();
            Object publishedTotal = marks.totalShown() ? (Object) Perturbation.round(total) : hidden(total);
            List<List<Long>> partRanges = new ArrayList<>();
            row.forEach((c, count) -> partRanges.add(standsFor(switch (marks.cells().get(c)) {
                case SHOWN -> Perturbation.round(count);
                case SMALL -> SMALL;
                case COMPLEMENTARY -> "suppressed";
            })));
            List<Long> totals = standsFor(publishedTotal);

            List<Set<Long>> possible = new ArrayList<>();
            partRanges.forEach(r -> possible.add(new HashSet<>()));
            assign(partRanges, 0, new long[size], totals, possible);
            row.forEach((c, count) -> {
                if (count < THRESHOLD) {
                    // Also those shown as 10 (8 and 9): no count below the threshold is ever exact.
                    assertThat(possible.get(c)).as("row %s, part %d", row, c).contains(count).hasSizeGreaterThan(1);
                }
            });
        }
    }

    private static void assign(List<List<Long>> ranges, int index, long[] chosen, List<Long> totals,
                               List<Set<Long>> possible) {
        if (index == ranges.size()) {
            long sum = 0;
            for (long value : chosen) {
                sum += value;
            }
            if (totals.contains(sum)) {
                for (int i = 0; i < chosen.length; i++) {
                    possible.get(i).add(chosen[i]);
                }
            }
            return;
        }
        for (long value : ranges.get(index)) {
            chosen[index] = value;
            assign(ranges, index + 1, chosen, totals, possible);
        }
    }

    /** Every count a published cell could stand for (complementary and totals bounded for the search). */
    private static List<Long> standsFor(Object published) {
        List<Long> values = new ArrayList<>();
        if (SMALL.equals(published)) {
            for (long v = 0; v < THRESHOLD - 2; v++) {
                values.add(v);
            }
        } else if ("suppressed".equals(published)) {
            for (long v = THRESHOLD - 2; v < 200; v++) {
                values.add(v);
            }
        } else {
            long shown = (Long) published;
            for (long v = Math.max(THRESHOLD - 2, shown - 2); v <= shown + 2; v++) {
                values.add(v);
            }
        }
        return values;
    }

    private static Object alone(long count) {
        return Perturbation.small(count, THRESHOLD) ? SMALL : (Object) Perturbation.round(count);
    }

    private static Object hidden(long count) {
        return Perturbation.small(count, THRESHOLD) ? SMALL : "suppressed";
    }
}
