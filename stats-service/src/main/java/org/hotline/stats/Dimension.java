package org.hotline.stats;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.hotline.events.Channel;
import org.hotline.events.Origin;
import org.hotline.events.Purpose;

/** A property of a contact its counts can be split by. */
public enum Dimension {
    ORIGIN("origin", Origin.values()),
    CHANNEL("channel", Channel.values()),
    PURPOSE("purpose", Purpose.values());

    private final String parameter;
    private final List<String> groups;

    Dimension(String parameter, Enum<?>[] groups) {
        this.parameter = parameter;
        this.groups = Arrays.stream(groups).map(Enum::name).toList();
    }

    /** The name used in the API; also the column of {@code contact_count} holding it. */
    public String parameter() {
        return parameter;
    }

    /** Every value, so a series shows zero groups too. */
    public List<String> groups() {
        return groups;
    }

    public static Optional<Dimension> fromParameter(String value) {
        return Arrays.stream(values()).filter(d -> d.parameter.equals(value)).findFirst();
    }
}
