package org.hotline.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tuning of case-service. */
@ConfigMapping(prefix = "hotline.cases")
public interface CaseConfig {

    /** Cases per page when a list request names no size. */
    @WithDefault("20")
    int defaultPageSize();

    /** The largest page a list request may ask for, so one request cannot read the whole table. */
    @WithDefault("200")
    int maxPageSize();

    /**
     * How often one contact is tried again after losing a race (another request of the same
     * caller, or another change of the same case, committed first). Each retry sees the winner's
     * result, so a few always suffice.
     */
    @WithDefault("5")
    int raceRetries();
}
