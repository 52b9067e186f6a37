package org.hotline.stats.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.hotline.stats.Granularity;
import org.hotline.stats.config.StatsConfig;
import org.hotline.stats.repository.Generations;
import org.hotline.stats.repository.Publications;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

/**
 * Publishes the public figures of the latest closed period ({@code hotline.stats.publication.period},
 * a day of the ops room's zone by default), once it is {@code delay} past its end: at start and
 * then every {@code check-every}. A period is published once: every instance tries, the first
 * insert of its row wins and the others do nothing, so two instances publish it once and the
 * same figures.
 */
@ApplicationScoped
public class Publisher {

    private static final Logger LOG = Logger.getLogger(Publisher.class);

    private final Publications publications;
    private final Generations generations;
    private final PublicStats publicStats;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;
    private final Granularity period;
    private final StatsConfig.Publication config;

    public Publisher(Publications publications, Generations generations, PublicStats publicStats, ObjectMapper json,
                     Clock clock, StatsConfig config) {
        this.publications = publications;
        this.generations = generations;
        this.publicStats = publicStats;
        this.json = json;
        this.clock = clock;
        this.zone = config.timeZone();
        this.config = config.publication();
        this.period = Granularity.fromParameter(this.config.period()).orElseThrow(() -> new IllegalArgumentException(
                "hotline.stats.publication.period must be day, week or month, not " + this.config.period()));
    }

    void onStart(@Observes StartupEvent start) {
        publishOnSchedule();
    }

    @Scheduled(every = "${hotline.stats.publication.check-every:PT5M}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publishOnSchedule() {
        try {
            publishLatestClosed().ifPresent(published -> LOG.infof("Published the public figures of the %s from %s",
                    period.parameter(), published));
        } catch (RuntimeException e) {
            // The figures already published stay served; the next check tries again.
            LOG.warnf(e, "Could not publish the public figures; trying again in %s", config.checkEvery());
        }
    }

    /**
     * Publishes the latest closed period unless it (or a later one) is published already.
     *
     * @return the first day of the period published by this call, empty if there was nothing to do
     */
    @Transactional
    public Optional<LocalDate> publishLatestClosed() {
        Instant now = clock.instant();
        LocalDate start = latestClosedPeriodStart(now);
        if (publications.latest().filter(latest -> !latest.periodStart().isBefore(start)).isPresent()) {
            return Optional.empty();
        }
        LocalDate next = period.nextPeriodStart(start);
        LocalDate end = next.minusDays(1);
        if (!publications.claim(start, end, now)) {
            return Optional.empty();
        }
        Instant until = startOf(next);
        int generation = generations.active();
        publications.freeze(start, generation, until, zone);
        PublicStats.PublicSummary summary = publicStats.summarise(new PublicStats.Period(start, end,
                period.parameter()), now, nextPublicationAfter(end), generation, until);
        try {
            publications.complete(start, json.writeValueAsString(summary));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the public summary could not be written as JSON", e);
        }
        publications.forgetDaysBefore(start);
        return Optional.of(start);
    }

    /** When the publication after this one is due: the next period's end plus the delay. */
    public Instant nextPublicationAfter(Publications.Publication publication) {
        return nextPublicationAfter(publication.periodEnd());
    }

    private Instant nextPublicationAfter(LocalDate periodEnd) {
        return startOf(period.nextPeriodStart(periodEnd.plusDays(1))).plus(config.delay());
    }

    /** The first day of the latest period that ended at least {@code delay} before {@code now}. */
    LocalDate latestClosedPeriodStart(Instant now) {
        LocalDate current = period.periodStart(LocalDate.ofInstant(now.minus(config.delay()), zone));
        return period.periodStart(current.minusDays(1));
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
