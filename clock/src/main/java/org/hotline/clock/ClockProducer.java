package org.hotline.clock;

import java.time.Clock;
import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The one source of "now" in every service, so windows, deadlines and validators agree on it and
 * a test can pin it. A {@link DefaultBean}: a test (or a service) that produces its own
 * {@link Clock} replaces this one without an ambiguity.
 *
 * <p>{@code hotline.clock.shift} (a duration, none by default) runs the clock that far ahead of
 * the system's. It exists for the system tests, which run the packaged services and cannot
 * replace a bean: they start stats-service a day ahead to see a period close. A deployment never
 * sets it; a service started with it says so at start, as a warning.
 */
public class ClockProducer {

    private static final Logger LOG = Logger.getLogger(ClockProducer.class);

    @Produces
    @Singleton
    @DefaultBean
    Clock clock(@ConfigProperty(name = "hotline.clock.shift", defaultValue = "PT0S") Duration shift) {
        if (shift.isZero()) {
            return Clock.systemUTC();
        }
        LOG.warnf("This service's clock runs %s ahead of the system clock (hotline.clock.shift): for tests only", shift);
        return Clock.offset(Clock.systemUTC(), shift);
    }
}
