package org.hotline.stats.config;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How stats are rolled up and served. */
@ConfigMapping(prefix = "hotline.stats")
public interface StatsConfig {

    /**
     * The ops room's time zone: calendar days and months of every roll-up are counted in it. Must
     * be a whole number of hours from UTC at all times, because contacts are stored in UTC hours.
     */
    @WithDefault("Europe/Kyiv")
    ZoneId timeZone();

    /** The most buckets one series may hold, so a careless range cannot scan years by the day. */
    @WithDefault("1000")
    int maxSeriesBuckets();
}
