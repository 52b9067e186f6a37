package org.hotline.stats.config;

import java.time.Duration;
import java.time.ZoneId;

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
