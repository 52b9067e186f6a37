package org.hotline.cases.rest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.hotline.cases.CustodyDeadline;
import org.hotline.cases.service.OverdueCases;
import org.hotline.events.CareKind;

/**
 * A missed custody deadline of one case.
 *
 * @param deadline     which obligation is late
 * @param metBy        the care record that would meet it
 * @param due          when it fell due
 * @param overdueBy    how late it is, as an ISO-8601 duration
 * @param overdueHours the same in whole hours
 */
public record OverdueView(String reference, Instant custodyAt, CustodyDeadline deadline, CareKind metBy, Instant due,
        String overdueBy, long overdueHours) {

    static OverdueView of(OverdueCases.Overdue overdue) {
        String by = overdue.by().truncatedTo(ChronoUnit.SECONDS).toString();
        return new OverdueView(overdue.surrenderCase().reference, overdue.surrenderCase().custodyAt,
                overdue.deadline(), overdue.deadline().metBy(), overdue.due(), by, overdue.by().toHours());
    }

    /** The missed deadlines now, longest overdue first, at most the configured list size. */
    public record Page(List<OverdueView> items) {
    }
}
