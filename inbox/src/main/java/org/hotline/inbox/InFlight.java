package org.hotline.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The batch each channel is applying right now, and since when: a graceful stop waits for them,
 * and readiness reports a channel whose batch has been waiting too long.
 */
@ApplicationScoped
public class InFlight {

    private final Map<String, Instant> since = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    void begin(String channel) {
        since.put(channel, clock.instant());
    }

    void end(String channel) {
        since.remove(channel);
        synchronized (this) {
            notifyAll();
        }
    }

    /** Channels whose current batch has been in flight longer than {@code limit}, with how long. */
    Map<String, Duration> longerThan(Duration limit) {
        Instant now = clock.instant();
        Map<String, Duration> stuck = new TreeMap<>();
        since.forEach((channel, started) -> {
            Duration age = Duration.between(started, now);
            if (age.compareTo(limit) > 0) {
                stuck.put(channel, age);
            }
        });
        return stuck;
    }

    /** Waits until no batch is in flight, or the timeout passed; returns whether none is. */
    synchronized boolean awaitNone(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!since.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
