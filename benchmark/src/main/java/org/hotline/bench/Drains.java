package org.hotline.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.hotline.events.Topics;
import org.hotline.stack.Console;
import org.hotline.stack.LocalStack;
import org.hotline.stack.Ports;
import org.hotline.stack.ServiceProcess;

/**
 * The drains, one after another on the benchmark's stack: a backlog is filled in bulk while the
 * service that takes it is stopped, then the service is started and timed until the backlog is
 * gone ({@link Drain}). In order:
 * <ol>
 * <li>intake's outbox relay: rows copied into intake's outbox; done when the contact topic grew by
 * that many records. Both consumers are stopped, so these records become their backlog;
 * <li>case-service alone, then stats-service alone (which also has the cases case-service opened):
 * done when the group has committed every record of its topics;
 * <li>as many events again, sent straight to the contact topic; case-service with two instances in
 * its group, then stats-service with two.
 * </ol>
 * A drain that has not emptied its backlog within the budget is cut off (its rate is over what it
 * did) and the next one starts on whatever waits then. Afterwards only stats-service runs again
 * (one instance), for the replay.
 */
final class Drains {

    private static final Duration CASE_OUTBOX_TIMEOUT = Duration.ofMinutes(5);

    /** With one and with two instances, of case-service and of stats-service. */
    record Result(Drain relay, Drain casesAlone, Drain statsAlone, Drain casesTwo, Drain statsTwo) {
    }

    private final LocalStack stack;
    private final Delivery delivery;
    private final long events;
    private final Duration budget;
    private final Console console;
    private final ContactBacklog backlog;

    Drains(LocalStack stack, Delivery delivery, long events, Duration budget, Console console) {
        this.stack = stack;
        this.delivery = delivery;
        this.events = events;
        this.budget = budget;
        this.console = console;
        this.backlog = new ContactBacklog(new ContactEvents("drain-" + Instant.now().toEpochMilli(), events));
    }

    Result run() {
        ServiceProcess intake = stack.intake();
        ServiceProcess cases = stack.cases();
        ServiceProcess stats = stack.stats();
        stop(List.of(intake, cases, stats));

        console.step("Relay drain: " + Report.count(events) + " rows copied into intake's outbox, then intake started");
        backlog.toOutbox(stack.postgres(), "intake", events);
        long published = delivery.published(Topics.CONTACTS);
        intake.launch(stack.settings().detached(), stack.settings().timeout());
        Drain relay = Drain.watch(() -> delivery.published(Topics.CONTACTS) - published, events, budget,
                stack.settings().timeout());
        intake.awaitReady();
        report("relay", relay);

        Drain casesAlone = consumer(Delivery.CASE_SERVICE, List.of(cases));
        Drain statsAlone = consumer(Delivery.STATS_SERVICE, List.of(stats));

        console.step("Scale-out: " + Report.count(events) + " contact events sent straight to " + Topics.CONTACTS);
        backlog.toTopic(stack.kafka(), events);
        Drain casesTwo = consumer(Delivery.CASE_SERVICE, List.of(cases, stack.addInstance(cases, Ports.freePort())));
        Drain statsTwo = consumer(Delivery.STATS_SERVICE, List.of(stats, stack.addInstance(stats, Ports.freePort())));

        // The replay needs stats-service; case-service stays stopped with whatever a cut-off drain left it.
        console.step("stats-service again, for the replay");
        start(List.of(stats));
        return new Result(relay, casesAlone, statsAlone, casesTwo, statsTwo);
    }

    /**
     * Starts the group's instances on the backlog that waits for it and times it until the group
     * has committed every record; then stops them, once what they published has left their outbox.
     */
    private Drain consumer(String group, List<ServiceProcess> instances) {
        long waiting = delivery.backlog(group);
        long committed = delivery.committed(group);
        console.step(group + " drain, " + instances.size() + (instances.size() == 1 ? " instance" : " instances")
                + ": " + Report.count(waiting) + " records waiting");
        instances.forEach(i -> i.launch(stack.settings().detached(), stack.settings().timeout()));
        Drain drain = Drain.watch(() -> delivery.committed(group) - committed, waiting, budget,
                stack.settings().timeout());
        instances.forEach(ServiceProcess::awaitReady);
        report(group + " with " + instances.size(), drain);
        if (group.equals(Delivery.CASE_SERVICE)) {
            // The cases it opened are the stats drain's backlog too: all must be on the topic first.
            awaitEmptyOutbox("cases");
        }
        stop(instances);
        return drain;
    }

    private void report(String what, Drain drain) {
        console.ok(what + ": " + drain.describe("events") + "; " + Report.format(drain.eventsPerSecond())
                + " events/s over " + Report.format(drain.seconds()) + " s");
    }

    private void start(List<ServiceProcess> services) {
        services.forEach(s -> s.launch(stack.settings().detached(), stack.settings().timeout()));
        services.forEach(ServiceProcess::awaitReady);
    }

    /** SIGTERM to all at once, then waits for each: they shut down in parallel. */
    private static void stop(List<ServiceProcess> services) {
        services.forEach(s -> s.process().find().ifPresent(ProcessHandle::destroy));
        services.forEach(ServiceProcess::stop);
    }

    private void awaitEmptyOutbox(String database) {
        Instant deadline = Instant.now().plus(CASE_OUTBOX_TIMEOUT);
        try (Connection connection = stack.postgres().connect(database); Statement statement = connection.createStatement()) {
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rows = statement.executeQuery("select count(*) from outbox_message")) {
                    rows.next();
                    if (rows.getLong(1) == 0) {
                        return;
                    }
                }
                TimeUnit.MILLISECONDS.sleep(Drain.POLL.toMillis());
            }
        } catch (SQLException e) {
            throw new BenchFailure("cannot read " + database + "'s outbox: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted");
        }
        throw new BenchFailure(database + "'s outbox was not empty within " + CASE_OUTBOX_TIMEOUT.toMinutes() + " min");
    }
}
