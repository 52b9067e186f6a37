package org.hotline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.hotline.history.Reconciliation;
import org.hotline.system.RunningHotline.Hotline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Under a steady load of contacts, each part of the hotline in turn is killed with SIGKILL and
 * started again: intake-service, case-service, stats-service, the Kafka broker, PostgreSQL. Once
 * the load has ended and the system has drained, contacts must have been accepted, none refused or
 * left unanswered, nothing a client was told is accepted may be missing, nothing may be counted
 * twice, and the three stores must agree. Each part killed is restarted in {@code finally}, so
 * that a failed wait does not leave every later system test without it.
 *
 * <p>The short version runs in CI; {@code -Dfault.full=true} sends many more contacts per fault
 * (see docs/RELIABILITY.md).
 */
@ExtendWith(RunningHotline.class)
class FaultInjectionIT {

    private static final boolean FULL = Boolean.getBoolean("fault.full");
    private static final int CONTACTS_PER_FAULT = Integer.getInteger("fault.contacts", FULL ? 1_000 : 60);
    private static final Duration INTERVAL = Duration.ofMillis(FULL ? 40 : 100);
    private static final Duration DRAIN = Duration.ofMinutes(FULL ? 10 : 3);

    private record Fault(String name, Runnable kill, Runnable restart) {
    }

    @Test
    void killingEachPartUnderLoadLosesNoAcceptedContactAndCountsNoneTwice(Hotline hotline) throws Exception {
        List<Fault> faults = List.of(
                new Fault("intake-service", hotline.intake()::kill, hotline.intake()::restart),
                new Fault("case-service", hotline.cases()::kill, hotline.cases()::restart),
                new Fault("stats-service", hotline.stats()::kill, hotline.stats()::restart),
                new Fault("kafka", hotline.kafka()::kill, hotline.kafka()::restart),
                new Fault("postgres", hotline.postgres()::kill, hotline.postgres()::restart));

        try (SteadyLoad load = new SteadyLoad(hotline.intakeUrl(), Duration.ofMinutes(3))) {
            for (Fault fault : faults) {
                CountDownLatch done = load.run(fault.name(), CONTACTS_PER_FAULT, INTERVAL);
                int before = load.requests();
                await("load under way before killing " + fault.name()).atMost(Duration.ofMinutes(1))
                        .until(() -> load.requests() >= before + CONTACTS_PER_FAULT / 3);
                fault.kill().run();
                try {
                    int killedAt = load.requests();
                    // Some requests must meet the outage itself, not only the restart.
                    await("requests during the outage of " + fault.name()).atMost(Duration.ofMinutes(1))
                            .until(() -> load.requests() >= killedAt + 5);
                } finally {
                    // Also when the wait failed: every later system test needs the part back.
                    fault.restart().run();
                }
                assertThat(done.await(5, TimeUnit.MINUTES)).as("every contact of phase %s answered or given up",
                        fault.name()).isTrue();
            }
            Reconciliation.Report report = ScenarioFigures.awaitAgreement(hotline, DRAIN);

            Map<String, Integer> stored = ScenarioFigures.storedMarkers(hotline);
            Map<String, int[]> table = tally(load.sent(), stored);
            print(table, report);
            int[] all = table.values().stream().reduce(new int[6], FaultInjectionIT::add);
            // A hotline that refused or dropped every contact would lose none and count none twice.
            assertThat(all[1]).as("contacts accepted").isPositive();
            assertThat(Map.of("refused", all[2], "lost", all[3], "counted twice", all[4], "unanswered", all[5]))
                    .as("contacts refused, accepted but missing from intake, stored more than once, and given up"
                            + " unanswered")
                    .isEqualTo(Map.of("refused", 0, "lost", 0, "counted twice", 0, "unanswered", 0));
            assertThat(report.drifts()).as("drift between intake, case and stats stores").isEmpty();
        }
    }

    /** Per phase: sent, accepted, refused, lost, counted twice, unanswered. */
    private static Map<String, int[]> tally(List<SteadyLoad.Sent> sent, Map<String, Integer> stored) {
        Map<String, int[]> table = new LinkedHashMap<>();
        for (SteadyLoad.Sent contact : sent) {
            int[] row = table.computeIfAbsent(contact.phase, phase -> new int[6]);
            int copies = stored.getOrDefault(contact.marker, 0);
            row[0]++;
            switch (contact.outcome) {
                case ACCEPTED -> row[1]++;
                case REFUSED -> row[2]++;
                default -> row[5]++;
            }
            if (contact.outcome == SteadyLoad.Outcome.ACCEPTED && copies == 0) {
                row[3]++;
            }
            if (copies > 1) {
                row[4]++;
            }
        }
        return table;
    }

    private static void print(Map<String, int[]> table, Reconciliation.Report report) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%nFault injection (%s): %d contacts per fault%n", FULL ? "full" : "short",
                CONTACTS_PER_FAULT));
        lines.add(String.format("| %-16s | %6s | %8s | %7s | %4s | %13s | %10s |%n", "killed", "sent", "accepted",
                "refused", "lost", "counted twice", "unanswered"));
        lines.add(String.format("|%s|%s|%s|%s|%s|%s|%s|%n", "-".repeat(18), "-".repeat(8), "-".repeat(10), "-".repeat(9),
                "-".repeat(6), "-".repeat(15), "-".repeat(12)));
        table.forEach((phase, row) -> lines.add(String.format("| %-16s | %6d | %8d | %7d | %4d | %13d | %10d |%n", phase,
                row[0], row[1], row[2], row[3], row[4], row[5])));
        lines.add(String.format("Reconciliation: %d contacts in intake, %d surrender callers, %d drifts%n",
                report.contacts(), report.surrenderCallers(), report.drifts().size()));
        report.drifts().forEach(drift -> lines.add("  " + drift + System.lineSeparator()));
        lines.forEach(System.out::print);
    }

    private static int[] add(int[] a, int[] b) {
        int[] sum = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + b[i];
        }
        return sum;
    }
}
