package org.hotline.stats.service;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A rebuild is refused: records were deleted from the start of a replayed topic (by retention or
 * by hand), so a replay from the beginning would build a store that silently lacks them, and
 * activating it would lose figures the active generation still has.
 */
public class IncompleteHistory extends RuntimeException {

    /** A partition whose log no longer starts at offset 0. */
    public record TruncatedPartition(String topic, int partition, long logStartOffset) {
    }

    private final transient List<TruncatedPartition> truncated;

    public IncompleteHistory(List<TruncatedPartition> truncated) {
        super("Records were deleted from the start of the topics, so a replay would miss them: "
                + truncated.stream()
                        .map(p -> p.topic() + " partition " + p.partition() + " starts at offset " + p.logStartOffset())
                        .collect(Collectors.joining(", "))
                + ". The rebuild is refused and the active generation stays.", null, false, false);
        this.truncated = List.copyOf(truncated);
    }

    public List<TruncatedPartition> truncated() {
        return truncated;
    }
}
