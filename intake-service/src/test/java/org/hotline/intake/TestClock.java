package org.hotline.intake;

import java.time.Clock;

import org.hotline.testing.ShiftableClock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The clock of every test here: the system clock unless a test shifts it (RetentionTest moves
 * it past the retention instead of waiting). Replaces the clock module's default bean.
 */
public class TestClock {

    public static final ShiftableClock CLOCK = new ShiftableClock();

    @Produces
    @Singleton
    Clock clock() {
        return CLOCK;
    }
}
