package org.hotline.stats.service;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a published count is perturbed: rounded to the nearest multiple of {@link #BASE} (0, 1, 2
 * down; 3, 4 up), every cell on its own, totals and their parts alike; a count whose rounded value
 * is below the threshold (a multiple of 5) is hidden as {@code "<10"}. Rounding first makes every
 * published figure stand for whole rounding bins ({@code "<10"} for 0 to 7, 10 for 8 to 12, 15 for
 * 13 to 17), so that the corners of two figures never meet in one value: hiding below 10 and then
 * rounding would let {@code "<10"} (0 to 9) twice and a 20 (18 to 22) pin both to 9.
 *
 * <p>Why rounding rather than the cell-key method: rounding needs no secret (a cell key must be
 * kept, rotated and refused by {@code %prod} when published), anyone can check it, and it holds
 * against the differencing that matters here. Two published counts each lie within 2 of the
 * truth, so their difference is a multiple of 5 that lies within 4 of the true difference: a
 * difference of 0 means 0 to 4 contacts, 5 means 1 to 9, and so on, whichever two cells are
 * subtracted (two publications, a total and its parts, a month and its days). One more contact
 * moves a published count by 0 or 5, never by 1. What rounding does not hide is that a count
 * crossed a rounding boundary between two publications; docs/PUBLIC-FIGURES.md says what an
 * observer can learn from that.
 */
public final class Perturbation {

    /** The rounding base. Not configurable: 1 would publish exact counts. */
    public static final int BASE = 5;

    private Perturbation() {
    }

    /** The count as published: the nearest multiple of {@link #BASE}. */
    public static long round(long count) {
        return (count + BASE / 2) / BASE * BASE;
    }

    /** Whether a count is hidden as below the threshold: its rounded value is. */
    public static boolean small(long count, int threshold) {
        return round(count) < threshold;
    }

    /**
     * Marks a row of cells whose sum is published as its total: {@link Suppression} with the
     * exact bound that rounding gives the threshold (a count is small below {@code threshold - 2}),
     * then the total is hidden too if, from the rounded total and the rounded or hidden cells, some
     * cell could take one value only.
     */
    public static <K> Suppression.Row<K> protect(Map<K, Long> cells, int threshold) {
        Suppression.Row<K> row = Suppression.protect(cells, threshold - BASE / 2);
        if (row.totalShown() && pinned(cells, row, threshold)) {
            return new Suppression.Row<>(row.cells(), false);
        }
        return row;
    }

    /**
     * Whether some cell has a single possible value: the sums of integer ranges are whole ranges,
     * so a cell's possible values are its own range cut by the total's range less the others'.
     */
    static <K> boolean pinned(Map<K, Long> cells, Suppression.Row<K> row, int threshold) {
        long total = cells.values().stream().mapToLong(Long::longValue).sum();
        long totalLow = round(total) - BASE / 2;
        long totalHigh = round(total) + BASE / 2;
        Map<K, long[]> ranges = new LinkedHashMap<>();
        cells.forEach((key, count) -> ranges.put(key, switch (row.cells().get(key)) {
            case SHOWN -> new long[] {Math.max(threshold - BASE / 2, round(count) - BASE / 2), round(count) + BASE / 2};
            case SMALL -> new long[] {0, threshold - BASE / 2 - 1};
            case COMPLEMENTARY -> new long[] {threshold - BASE / 2, totalHigh};
        }));
        long lows = ranges.values().stream().mapToLong(r -> r[0]).sum();
        long highs = ranges.values().stream().mapToLong(r -> r[1]).sum();
        for (long[] range : ranges.values()) {
            long low = Math.max(range[0], totalLow - (highs - range[1]));
            long high = Math.min(range[1], totalHigh - (lows - range[0]));
            if (low >= high) {
                return true;
            }
        }
        return false;
    }
}
