package org.hotline.stats.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.hotline.events.CareKind;
import org.hotline.stats.config.StatsConfig;
import org.hotline.stats.repository.CaseMilestones;
import org.hotline.stats.repository.CaseMilestones.OverdueCare;
import org.hotline.stats.repository.ContactCounts;
import org.hotline.stats.repository.Generations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** What the ops room's dashboard reads beside the summary and the series: the data's extent and the overdue list. */
@ApplicationScoped
public class OpsRoom {

    private final Generations generations;
    private final ContactCounts contactCounts;
    private final CaseMilestones milestones;
    private final StatsConfig config;
    private final Clock clock;

    public OpsRoom(Generations generations, ContactCounts contactCounts, CaseMilestones milestones,
                   StatsConfig config, Clock clock) {
        this.generations = generations;
        this.contactCounts = contactCounts;
        this.milestones = milestones;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public DataExtent extent() {
        var extent = contactCounts.extent(generations.active(), config.timeZone());
        return new DataExtent(extent.map(ContactCounts.Extent::first).orElse(null),
                extent.map(ContactCounts.Extent::last).orElse(null), config.timeZone().getId());
    }

    /**
     * The overdue list, with each case's reference and link only when {@code maySeeCases}: an
     * analyst without the case-officer role learns how long, not who.
     */
    @Transactional
    public OverdueCustody overdue(boolean maySeeCases) {
        Instant now = clock.instant();
        Map<CareKind, Duration> deadlines = deadlines();
        Map<CareKind, Instant> cutoffs = new EnumMap<>(CareKind.class);
        deadlines.forEach((kind, deadline) -> cutoffs.put(kind, now.minus(deadline)));
        CaseMilestones.OverdueList list = milestones.overdueCases(generations.active(), cutoffs,
                config.dashboard().overdueListSize());
        return new OverdueCustody(now, list.total(), list.items().stream().map(care -> {
            Instant due = care.custodyAt().plus(deadlines.get(care.missing()));
            Duration overdueBy = Duration.between(due, now).withNanos(0);
            boolean linked = maySeeCases && care.reference() != null;
            return new OverdueCustody.Item(linked ? care.reference() : null, linked ? link(care) : null,
                    care.origin(), deadlineName(care.missing()), care.custodyAt(), due, overdueBy.toString(),
                    Math.round(overdueBy.toSeconds() / 36.0) / 100.0);
        }).toList());
    }

    private String link(OverdueCare care) {
        return config.dashboard().caseLink().replace("{reference}", care.reference());
    }

    private Map<CareKind, Duration> deadlines() {
        Map<CareKind, Duration> deadlines = new EnumMap<>(CareKind.class);
        deadlines.put(CareKind.CAPTURE_CARD_SENT, config.deadlines().captureCard());
        deadlines.put(CareKind.FAMILY_CONTACT, config.deadlines().familyContact());
        deadlines.put(CareKind.INFORMATION_BUREAU_NOTIFIED, config.deadlines().informationBureau());
        return deadlines;
    }

    /** The names the summary's {@code overdueByDeadline} uses. */
    static String deadlineName(CareKind kind) {
        return switch (kind) {
            case CAPTURE_CARD_SENT -> "captureCard";
            case FAMILY_CONTACT -> "familyContact";
            case INFORMATION_BUREAU_NOTIFIED -> "informationBureau";
            default -> kind.name();
        };
    }
}
