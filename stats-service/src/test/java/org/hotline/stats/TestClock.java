package org.hotline.stats;

import java.time.Clock;

import org.hotline.testing.ShiftableClock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The clock of every test here: the system clock unless a test shifts it (PublicStatsTest moves it
 * past the end of a day to close it) and resets it when done. Replaces the clock module's default.
 */
public class TestClock {

    public static final ShiftableClock CLOCK = new ShiftableClock();

    @Produces
    @Singleton
    Clock clock() {
        return CLOCK;
    }
}
