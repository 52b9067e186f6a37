package org.hotline.stats;

import java.util.Arrays;
import java.util.Optional;

import org.hotline.events.Purpose;

/** What a series counts. Every metric is a slice of the contact buckets. */
public enum Metric {
    CONTACTS("contacts", null),
    SURRENDER_REQUESTS("surrenderRequests", Purpose.SURRENDER_REQUEST);

    private final String parameter;
    private final Purpose purpose;

    Metric(String parameter, Purpose purpose) {
        this.parameter = parameter;
        this.purpose = purpose;
    }

    /** The name used in the API. */
    public String parameter() {
        return parameter;
    }

    /** The only purpose counted, or empty for every contact. */
    public Optional<Purpose> purpose() {
        return Optional.ofNullable(purpose);
    }

    public static Optional<Metric> fromParameter(String value) {
        return Arrays.stream(values()).filter(m -> m.parameter.equals(value)).findFirst();
    }
}
