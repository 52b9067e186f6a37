package org.hotline.stats.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.hotline.stats.service.Suppression.Mark;
import org.junit.jupiter.api.Test;

class SuppressionTest {

    private static final int THRESHOLD = 10;

    @Test
    void aSmallCellIsHiddenWithTheNextSmallestSoTheTotalDoesNotGiveItAway() {
        Suppression.Row<String> row = Suppression.protect(row(12, 3, 15), THRESHOLD);

        assertThat(row).isEqualTo(new Suppression.Row<>(marks(Mark.COMPLEMENTARY, Mark.SMALL, Mark.SHOWN), true));
    }

    @Test
    void twoSmallCellsProtectEachOther() {
        Suppression.Row<String> row = Suppression.protect(row(40, 3, 5, 22), THRESHOLD);

        assertThat(row.cells()).containsExactly(Map.entry("c0", Mark.SHOWN), Map.entry("c1", Mark.SMALL),
                Map.entry("c2", Mark.SMALL), Map.entry("c3", Mark.SHOWN));
        assertThat(row.totalShown()).isTrue();
    }

    @Test
    void twoZeroCellsWouldGiveEachOtherAwaySoAShownCellJoinsThem() {
        Suppression.Row<String> row = Suppression.protect(row(0, 0, 25, 31), THRESHOLD);

        assertThat(row.cells().values()).containsExactly(Mark.SMALL, Mark.SMALL, Mark.COMPLEMENTARY, Mark.SHOWN);
    }

    @Test
    void aTotalBelowTheThresholdHidesEverything() {
        Suppression.Row<String> row = Suppression.protect(row(4, 3, 0), THRESHOLD);

        assertThat(row).isEqualTo(new Suppression.Row<>(marks(Mark.SMALL, Mark.SMALL, Mark.SMALL), false));
    }

    @Test
    void aRowWithNothingSmallIsShownWhole() {
        assertThat(Suppression.protect(row(10, 11, 12), THRESHOLD))
                .isEqualTo(new Suppression.Row<>(marks(Mark.SHOWN, Mark.SHOWN, Mark.SHOWN), true));
    }

    /**
     * Whatever the row, no hidden cell can be worked out: among every assignment of values that
     * agrees with the shown cells, the total (if shown) and the labels, each hidden cell takes at
     * least two values.
     */
    @Test
    void noHiddenCellCanBeWorkedOutFromTheTotalTheShownCellsAndTheLabels() {
        Random random = new Random(20230408);
        for (int i = 0; i < 3000; i++) {
            int size = 2 + random.nextInt(4);
            long[] values = new long[size];
            for (int c = 0; c < size; c++) {
                values[c] = random.nextInt(3) == 0 ? random.nextInt(THRESHOLD) : random.nextInt(35);
            }
            Map<String, Long> cells = row(values);
            Suppression.Row<String> row = Suppression.protect(cells, THRESHOLD);

            cells.forEach((cell, value) -> {
                if (value < THRESHOLD) {
                    assertThat(row.cells().get(cell)).as("a count below the threshold is never shown")
                            .isNotEqualTo(Mark.SHOWN);
                }
            });
            if (row.totalShown()) {
                assertThat(possibleValues(cells, row.cells()))
                        .as("row %s marked %s", cells, row.cells())
                        .allSatisfy((cell, possible) -> assertThat(possible).hasSizeGreaterThan(1));
            }
        }
    }

    /** Every value each hidden cell can take, by brute force over all consistent assignments. */
    private static Map<String, Set<Long>> possibleValues(Map<String, Long> cells, Map<String, Mark> marks) {
        long total = cells.values().stream().mapToLong(Long::longValue).sum();
        long hiddenSum = total;
        List<String> hidden = new ArrayList<>();
        for (Map.Entry<String, Mark> mark : marks.entrySet()) {
            if (mark.getValue() == Mark.SHOWN) {
                hiddenSum -= cells.get(mark.getKey());
            } else {
                hidden.add(mark.getKey());
            }
        }
        Map<String, Set<Long>> possible = new LinkedHashMap<>();
        hidden.forEach(cell -> possible.put(cell, new HashSet<>()));
        assign(hidden, marks, 0, hiddenSum, new long[hidden.size()], possible);
        return possible;
    }

    private static void assign(List<String> hidden, Map<String, Mark> marks, int index, long remaining,
                               long[] chosen, Map<String, Set<Long>> possible) {
        if (index == hidden.size()) {
            if (remaining == 0) {
                for (int i = 0; i < hidden.size(); i++) {
                    possible.get(hidden.get(i)).add(chosen[i]);
                }
            }
            return;
        }
        boolean small = marks.get(hidden.get(index)) == Mark.SMALL;
        long low = small ? 0 : THRESHOLD;
        long high = small ? Math.min(THRESHOLD - 1, remaining) : remaining;
        for (long value = low; value <= high; value++) {
            chosen[index] = value;
            assign(hidden, marks, index + 1, remaining - value, chosen, possible);
        }
    }

    private static Map<String, Long> row(long... values) {
        Map<String, Long> cells = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            cells.put("c" + i, values[i]);
        }
        return cells;
    }

    private static Map<String, Mark> marks(Mark... marks) {
        Map<String, Mark> map = new LinkedHashMap<>();
        for (int i = 0; i < marks.length; i++) {
            map.put("c" + i, marks[i]);
        }
        return map;
    }
}
