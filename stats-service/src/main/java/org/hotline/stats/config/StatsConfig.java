package org.hotline.stats.config;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How stats are rolled up and served. */
@ConfigMapping(prefix = "hotline.stats")
public interface StatsConfig {

    /**
     * The ops room's time zone: calendar days, weeks and months of every roll-up are counted in it.
     * Must be a whole number of hours from UTC at all times, because contacts are stored in UTC hours.
     */
    @WithDefault("Europe/Kyiv")
    ZoneId timeZone();

    /** The most buckets one series may hold, so a careless range cannot scan years by the day. */
    @WithDefault("1000")
    int maxSeriesBuckets();

    /** Geneva Convention deadlines, counted from the start of custody; the same defaults as case-service. */
    Deadlines deadlines();

    /** The view for the press and the public. */
    Publication publication();

    /** The live feed of the summary. */
    Feed feed();

    /** Rebuilding the store by replaying the topics. */
    Rebuild rebuild();

    /** What the ops room's dashboard shows beyond the figures: the overdue list and the status strip. */
    Dashboard dashboard();

    interface Dashboard {
        /**
         * Where a case is seen, {@code {reference}} standing for its reference; shown only to an analyst
         * who also holds the case-officer role. By default case-service's own resource for the case.
         */
        @WithDefault("http://127.0.0.1:8082/api/v1/cases/{reference}")
        String caseLink();

        /** The most overdue cases listed, longest overdue first; the total is always given. */
        @WithDefault("100")
        int overdueListSize();

        /** The status strip: where each signal comes from, and when it turns amber or red. */
        Status status();
    }

    interface Status {
        /**
         * The Prometheus endpoints of the services that relay an outbox (intake and case-service); the
         * oldest {@code hotline_outbox_oldest_age_seconds} among them is the strip's outbox age.
         */
        @WithDefault("http://127.0.0.1:8081/q/metrics,http://127.0.0.1:8082/q/metrics")
        List<URI> outboxMetrics();

        /** How long one of those endpoints, or the Kafka cluster, may take to answer. */
        @WithDefault("PT2S")
        Duration sourceTimeout();

        /**
         * How long the outbox ages, consumer lag and dead letters, once read, answer every dashboard:
         * many open dashboards refreshing then cost the services and the broker one read per source
         * in this time, not one per dashboard. The last event is always current (it costs nothing).
         */
        @WithDefault("PT5S")
        Duration sourcesCachedFor();

        /**
         * The consumer groups whose lag (end offset minus committed offset, summed) is shown. A group
         * that has committed nothing (intake's, before intake consumes case events) counts 0.
         */
        @WithDefault("stats-service,case-service,intake-service")
        List<String> consumerGroups();

        /** The dead-letter topics whose records (end minus start offset, summed) are shown; a missing one holds 0. */
        @WithDefault("hotline.stats-service.dead-letters.v1,hotline.case-service.dead-letters.v1,"
                + "hotline.intake-service.dead-letters.v1")
        List<String> deadLetterTopics();

        /** The oldest event still in an outbox, in seconds. Intake turns unready at 5 minutes. */
        @WithDefault("60")
        double outboxAgeAmber();

        @WithDefault("300")
        double outboxAgeRed();

        /** Records not yet read by the consumer groups, in all. */
        @WithDefault("1000")
        double consumerLagAmber();

        @WithDefault("10000")
        double consumerLagRed();

        /** Records set aside on the dead-letter topics: any one asks for a look. */
        @WithDefault("1")
        double deadLettersAmber();

        @WithDefault("100")
        double deadLettersRed();

        /** Seconds since this service last applied a live event: a quiet hotline is suspicious. */
        @WithDefault("900")
        double lastEventAmber();

        @WithDefault("3600")
        double lastEventRed();
    }

    interface Deadlines {
        /** Third Geneva Convention Art. 70: the capture card within one week. */
        @WithDefault("P7D")
        Duration captureCard();

        /** The first contact with the family. */
        @WithDefault("P7D")
        Duration familyContact();

        /** Art. 122: the national information bureau is told. */
        @WithDefault("P7D")
        Duration informationBureau();
    }

    interface Publication {
        /** Counts below this are never published, and complementary cells are hidden with them. */
        @WithDefault("10")
        int threshold();

        /**
         * The period figures are published for: {@code day} (a calendar day of {@link #timeZone()}),
         * {@code week} or {@code month}. Nothing of a period is public before it has closed.
         */
        @WithDefault("day")
        String period();

        /**
         * How long after a period's end it is published: events of its last minutes that arrive late
         * are then in it, rather than in the next one.
         */
        @WithDefault("PT3H")
        Duration delay();

        /** How often each instance looks whether a period has closed and is not published yet. */
        @WithDefault("PT5M")
        Duration checkEvery();

        /** The longest a client or cache may keep a public answer ({@code Cache-Control: max-age}). */
        @WithDefault("PT1H")
        Duration maxAge();

        /** Requests per client address to the public figures. */
        RateLimit rateLimit();
    }

    interface RateLimit {
        /** Requests a client address may make at once. */
        @WithDefault("60")
        int burst();

        /** A client address gains one request back this often. */
        @WithDefault("PT1S")
        Duration refillEvery();

        /** Client addresses remembered at most (see TokenBuckets). */
        @WithDefault("100000")
        int maxClients();
    }

    interface Feed {
        /** The feed sends at most one summary per interval, and only when something changed. */
        @WithDefault("PT1S")
        Duration interval();

        /** With no change, the feed still sends the summary this often, as rolling windows move on. */
        @WithDefault("PT30S")
        Duration refresh();
    }

    interface Rebuild {
        /** How long one poll of the replay waits for records. */
        @WithDefault("PT1S")
        Duration pollTimeout();

        /** The most records one poll returns, applied in one transaction. */
        @WithDefault("2000")
        int maxPollRecords();

        /**
         * The contact topic replayed. It must be the one the live consumers read, or the new
         * generation would hold other history than the one it replaces; a test may point it at
         * topics of its own.
         */
        @WithDefault("${mp.messaging.incoming.contacts-in.topic}")
        String contactsTopic();

        /** The case topic replayed; the one the live consumers read, as for {@link #contactsTopic()}. */
        @WithDefault("${mp.messaging.incoming.cases-in.topic}")
        String casesTopic();
    }
}
