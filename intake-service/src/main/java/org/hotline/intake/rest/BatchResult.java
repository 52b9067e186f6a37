package org.hotline.intake.rest;

import java.util.List;

/** The answer to a bulk import: how many lines were accepted and refused, and each line's fate. */
public record BatchResult(int accepted, int refused, List<LineResult> results) {

    static BatchResult of(List<LineResult> results) {
        int accepted = (int) results.stream().filter(LineResult::accepted).count();
        return new BatchResult(accepted, results.size() - accepted, results);
    }
}
