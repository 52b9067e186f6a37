package org.hotline.stats.service;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small-count suppression for published figures. In a row of cells that add up to a published
 * total, every cell below the threshold is hidden as small, and then more cells (the smallest
 * shown first) are hidden as complementary until no hidden cell can be worked out from the total,
 * the shown cells and what the labels say: a small cell lies in [0, threshold - 1], a
 * complementary one is at least the threshold. If nothing is left to hide, the total is hidden too.
 */
public final class Suppression {

    /** How a cell is published. */
    public enum Mark { SHOWN, SMALL, COMPLEMENTARY }

    /** The marks of a row's cells, and whether its total can be shown. */
    public record Row<K>(Map<K, Mark> cells, boolean totalShown) {
    }

    private Suppression() {
    }

    /** Marks a row of cells whose sum is published as its total. */
    public static <K> Row<K> protect(Map<K, Long> cells, int threshold) {
        long total = cells.values().stream().mapToLong(Long::longValue).sum();
        Map<K, Mark> marks = new LinkedHashMap<>();
        cells.forEach((key, value) -> marks.put(key, value < threshold ? Mark.SMALL : Mark.SHOWN));
        if (total < threshold) {
            return new Row<>(marks, false);
        }
        while (derivable(cells, marks, threshold)) {
            List<K> shown = marks.entrySet().stream().filter(e -> e.getValue() == Mark.SHOWN).map(Map.Entry::getKey)
                    .sorted(Comparator.comparing(cells::get)).toList();
            if (shown.isEmpty()) {
                return new Row<>(marks, false);
            }
            marks.put(shown.get(0), Mark.COMPLEMENTARY);
        }
        return new Row<>(marks, true);
    }

    /**
     * Whether some hidden cell has one possible value, given the total, the shown cells and the
     * ranges the labels give the hidden ones.
     */
    static <K> boolean derivable(Map<K, Long> cells, Map<K, Mark> marks, int threshold) {
        long hiddenSum = 0;
        int small = 0;
        int complementary = 0;
        for (Map.Entry<K, Mark> mark : marks.entrySet()) {
            if (mark.getValue() != Mark.SHOWN) {
                hiddenSum += cells.get(mark.getKey());
                if (mark.getValue() == Mark.SMALL) {
                    small++;
                } else {
                    complementary++;
                }
            }
        }
        if (small + complementary == 0) {
            return false;
        }
        if (small + complementary == 1) {
            return true;
        }
        if (complementary == 0) {
            // Every hidden cell at its least, or every one at its most, is the only way to reach such a sum.
            return hiddenSum == 0 || hiddenSum == (long) small * (threshold - 1);
        }
        // Complementary cells have no upper bound, so only the least possible sum pins them all.
        return hiddenSum == (long) complementary * threshold;
    }
}
