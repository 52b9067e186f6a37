package org.hotline.clock;

import java.time.Clock;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The one source of "now" in every service, so windows, deadlines and validators agree on it and
 * a test can pin it. A {@link DefaultBean}: a test (or a service) that produces its own
 * {@link Clock} replaces this one without an ambiguity.
 */
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
