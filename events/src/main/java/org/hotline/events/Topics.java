package org.hotline.events;

import java.util.List;

/** The hotline's topics: the only place their names and partition counts are defined. */
public final class Topics {

    /** {@link ContactRecorded} events, keyed by caller key. */
    public static final String CONTACTS = "hotline.contacts.v1";

    /** {@link CaseEvent}s, keyed by case id. */
    public static final String CASES = "hotline.cases.v1";

    /** Records case-service could not read or process, with the error and origin in headers. */
    public static final String CASE_SERVICE_DEAD_LETTERS = "hotline.case-service.dead-letters.v1";

    /** Records stats-service could not read or process, with the error and origin in headers. */
    public static final String STATS_SERVICE_DEAD_LETTERS = "hotline.stats-service.dead-letters.v1";

    /** Partitions per topic: the most consumer instances of one group that can share the work. */
    public static final int PARTITIONS = 6;

    private Topics() {
    }

    public static List<String> all() {
        return List.of(CONTACTS, CASES, CASE_SERVICE_DEAD_LETTERS, STATS_SERVICE_DEAD_LETTERS);
    }

    /** Prints one topic name a line, so scripts (./stack) create exactly these topics. */
    public static void main(String[] args) {
        all().forEach(System.out::println);
    }
}
