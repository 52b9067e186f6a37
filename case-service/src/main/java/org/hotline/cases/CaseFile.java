package org.hotline.cases;

import java.util.List;

/** A case with every reference that leads to it, the primary one first. */
public record CaseFile(SurrenderCase surrenderCase, List<String> references) {
}
