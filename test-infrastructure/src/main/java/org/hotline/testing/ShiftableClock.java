package org.hotline.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock in UTC, moved forward on demand: a test that must see what happens weeks from
 * now (a retention running out) shifts it instead of waiting, and shifts it back when done. A
 * service test installs it as its {@code Clock} bean, which replaces the clock module's default.
 */
public final class ShiftableClock extends Clock {

    private volatile Duration shift = Duration.ZERO;

    public void shiftBy(Duration amount) {
        shift = shift.plus(amount);
    }

    public void reset() {
        shift = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(shift);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the services keep time in UTC");
    }
}
