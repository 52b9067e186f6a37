package org.hotline.cases.rest;

import java.util.List;

/** One page of cases, newest first, and how many cases match in all. */
public record CasePage(List<CaseView> items, int page, int size, long total) {
}
