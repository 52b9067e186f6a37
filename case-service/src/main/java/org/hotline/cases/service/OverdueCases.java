package org.hotline.cases.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.hotline.cases.CustodyDeadline;
import org.hotline.cases.SurrenderCase;
import org.hotline.cases.config.CaseConfig;
import org.hotline.cases.repository.CaseRepository;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Men in custody for whom an obligation of the Geneva Conventions is late: no capture card, no
 * family contact or no word to the information bureau within the set time of custody.
 */
@ApplicationScoped
public class OverdueCases {

    private final CaseRepository cases;
    private final CaseConfig config;
    private final Clock clock;

    public OverdueCases(CaseRepository cases, CaseConfig config, Clock clock) {
        this.cases = cases;
        this.config = config;
        this.clock = clock;
    }

    /** Longest overdue first; one entry per case and missed deadline. */
    public List<Overdue> now() {
        Instant now = clock.instant();
        List<Overdue> overdue = new ArrayList<>();
        for (CustodyDeadline deadline : CustodyDeadline.values()) {
            Duration period = config.deadlines().of(deadline);
            for (SurrenderCase late : cases.inCustodyWithout(deadline.metBy(), now.minus(period),
                    config.maxListSize())) {
                Instant due = late.custodyAt.plus(period);
                overdue.add(new Overdue(late, deadline, due, Duration.between(due, now)));
            }
        }
        overdue.sort(Comparator.comparing(Overdue::due).thenComparing(o -> o.surrenderCase().reference)
                .thenComparing(Overdue::deadline));
        return overdue.size() > config.maxListSize() ? overdue.subList(0, config.maxListSize()) : overdue;
    }

    public record Overdue(SurrenderCase surrenderCase, CustodyDeadline deadline, Instant due, Duration by) {
    }
}
