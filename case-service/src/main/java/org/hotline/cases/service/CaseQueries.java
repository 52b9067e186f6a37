package org.hotline.cases.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.hotline.cases.CaseFile;
import org.hotline.cases.SurrenderCase;
import org.hotline.cases.repository.CaseRepository;
import org.hotline.cases.repository.ReferenceRepository;
import org.hotline.events.CaseState;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads cases for the REST API. */
@ApplicationScoped
public class CaseQueries {

    private final CaseRepository cases;
    private final ReferenceRepository references;

    public CaseQueries(CaseRepository cases, ReferenceRepository references) {
        this.cases = cases;
        this.references = references;
    }

    /** @param reference a canonical reference, primary or alias */
    public Optional<CaseFile> byReference(String reference) {
        return cases.findByReference(reference).map(found -> withReferences(List.of(found)).get(0));
    }

    public CasePageResult list(Optional<CaseState> state, int page, int size) {
        PanacheQuery<SurrenderCase> query = cases.listNewestFirst(state);
        List<SurrenderCase> items = query.page(page, size).list();
        return new CasePageResult(withReferences(items), query.count());
    }

    /** One query for the references of a whole page, not one per case. */
    private List<CaseFile> withReferences(List<SurrenderCase> found) {
        Map<UUID, List<String>> issued = references.referencesOf(found.stream().map(c -> c.id).toList());
        return found.stream()
                .map(c -> new CaseFile(c, primaryFirst(c.reference, issued.getOrDefault(c.id, List.of()))))
                .toList();
    }

    private static List<String> primaryFirst(String primary, List<String> all) {
        return Stream.concat(Stream.of(primary), all.stream().filter(r -> !r.equals(primary))).toList();
    }

    /** One page of cases and how many match in all. */
    public record CasePageResult(List<CaseFile> items, long total) {
    }
}
