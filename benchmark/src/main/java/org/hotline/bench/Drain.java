package org.hotline.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * How fast a backlog emptied: events over seconds, from samples of the progress taken every
 * {@link #POLL}. The window runs from the first sample that shows progress to the first that
 * shows the backlog empty, so a service's start-up (JVM, Flyway, joining the group) is not
 * counted, and the events done before that first sample are not counted either. Only when the
 * whole backlog went by between two samples does the window start at the first sample (the
 * launch): the rate is then a lower bound. A drain cut off by its time budget ends at its last
 * sample: its rate is over what it did by then. The budget runs from the first progress, so a
 * service that starts slowly does not eat it.
 *
 * @param events  events done inside the window
 * @param seconds the window
 * @param backlog the whole backlog
 * @param done    events done by the end, counted from the start
 */
record Drain(long events, double seconds, long backlog, long done) {

    static final Duration POLL = Duration.ofMillis(100);

    /** One look at the progress: events done so far, at a {@link System#nanoTime()}. */
    record Sample(long nanos, long done) {
    }

    /** False if the time budget ran out first. */
    boolean emptied() {
        return done >= backlog;
    }

    /** For the report: what the backlog was, and how much of it went if not all. */
    String describe(String what) {
        return Report.count(backlog) + " " + what + (emptied() ? "" : "; cut off after " + Report.format(seconds)
                + " s of draining, " + Report.count(done) + " done");
    }

    double eventsPerSecond() {
        return seconds > 0 ? events / seconds : 0;
    }

    /**
     * The drain these samples show. The first sample is the start (nothing done yet), the last
     * the first one at or above {@code backlog}, or the one taken when the budget ran out.
     */
    static Drain of(List<Sample> samples, long backlog) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no sample");
        }
        Sample last = samples.get(samples.size() - 1);
        Sample origin = samples.stream().filter(s -> s.done() > 0).findFirst().orElse(last);
        if (origin == last) {
            origin = samples.get(0);
        }
        return new Drain(last.done() - origin.done(), (last.nanos() - origin.nanos()) / 1e9, backlog, last.done());
    }

    /**
     * Samples {@code done} (events done since the start) from now until it reaches {@code backlog},
     * or until {@code budget} has passed since the first progress. A service that shows no
     * progress at all within {@code startUp} (it starts slowly on a busy machine) plus the budget
     * is cut off with nothing done.
     */
    static Drain watch(LongSupplier done, long backlog, Duration budget, Duration startUp) {
        List<Sample> samples = new ArrayList<>();
        long start = System.nanoTime();
        samples.add(new Sample(start, 0));
        // Only the first sample with progress and the last one matter; the rest are not kept.
        long deadline = start + startUp.plus(budget).toNanos();
        boolean progressSeen = false;
        while (true) {
            long now = System.nanoTime();
            long at = done.getAsLong();
            boolean over = now - deadline > 0;
            if (at >= backlog || over || !progressSeen && at > 0) {
                samples.add(new Sample(now, at));
            }
            if (at >= backlog || over) {
                return of(samples, backlog);
            }
            if (!progressSeen && at > 0) {
                progressSeen = true;
                deadline = now + budget.toNanos();
            }
            try {
                TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchFailure("interrupted");
            }
        }
    }
}
