package org.hotline.cases.rest;

import java.util.List;

/** A case's history, oldest first. */
public record CaseHistoryView(String reference, List<HistoryEntry> entries) {
}
