package org.hotline.cases.config;

import java.time.Duration;

import org.hotline.cases.CustodyDeadline;

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

    /** The most entries one overdue, inquiry or unsettled list returns, oldest first. */
    @WithDefault("500")
    int maxListSize();

    /**
     * How far in the future an officer's {@code at} may lie and still be taken as "now": his
     * device's clock and ours never agree to the millisecond.
     */
    @WithDefault("PT1M")
    Duration clockTolerance();

    /**
     * How long the case opened for an {@code Idempotency-Key} is remembered: long enough to cover a
     * client's retries after an outage, after which the same key opens a new case.
     */
    @WithDefault("24h")
    Duration idempotencyRetention();

    /** How often the keys past {@link #idempotencyRetention()} are deleted (they stop counting at once anyway). */
    @WithDefault("1h")
    Duration idempotencyPurgeEvery();

    /** How long after custody each custody obligation falls due. */
    Deadlines deadlines();

    /**
     * How many unknown references one token subject without the case-officer role may look up.
     * An operator's token can read a case's state by its reference, so without a limit it could
     * enumerate references and learn who is in custody.
     */
    ReferenceLookups referenceLookups();

    /**
     * A token bucket per subject that only unknown references drain: an operator who follows up
     * on real cases is never slowed down, one who guesses is.
     */
    interface ReferenceLookups {

        /** Unknown references a subject may name in a row before he is slowed down. */
        @WithDefault("10")
        int burst();

        /**
         * After the burst, one more unknown reference per this interval; a lookup before then is
         * refused with 429 and {@code Retry-After}, whatever reference it names.
         */
        @WithDefault("30s")
        Duration refillEvery();

        /**
         * Subjects remembered at once, so memory stays bounded; subjects come from signed tokens,
         * so nobody can make up new ones to flush the others out.
         */
        @WithDefault("10000")
        int maxSubjects();
    }

    interface Deadlines {

        /** Third Geneva Convention Art. 70: the capture card within one week of custody. */
        @WithDefault("P7D")
        Duration captureCard();

        /** The first contact with his family. */
        @WithDefault("P7D")
        Duration firstFamilyContact();

        /** Third Geneva Convention Art. 122: the national information bureau is told. */
        @WithDefault("P7D")
        Duration informationBureau();

        default Duration of(CustodyDeadline deadline) {
            return switch (deadline) {
                case CAPTURE_CARD -> captureCard();
                case FIRST_FAMILY_CONTACT -> firstFamilyContact();
                case INFORMATION_BUREAU -> informationBureau();
            };
        }
    }
}
