package org.hotline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.hotline.events.Topics;
import org.hotline.history.Reconciliation;
import org.hotline.stack.ServiceProcess;
import org.hotline.system.RunningHotline.Hotline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Beyond one machine the hotline scales on Kafka: more instances of a consumer in one group share
 * the partitions. Two instances each of case-service and stats-service, over the topics' six
 * partitions, must give exactly the cases and figures one instance gives (the ones that agree
 * with intake: {@link Reconciliation}), also when an instance leaves and comes back in the middle
 * of the load and the partitions move between them twice.
 */
@ExtendWith(RunningHotline.class)
class ScaleOutIT {

    private static final int CONTACTS = Integer.getInteger("scaleout.contacts", 600);
    private static final Duration INTERVAL = Duration.ofMillis(50);
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    @Test
    void twoInstancesOfEachConsumerGiveTheSameCasesAndFiguresAsOneThroughRebalances(Hotline hotline)
            throws Exception {
        long deadLettersBefore = ScenarioFigures.deadLetters(hotline);
        ServiceProcess secondCases = hotline.addInstance(hotline.cases());
        ServiceProcess secondStats = hotline.addInstance(hotline.stats());
        try (SteadyLoad load = new SteadyLoad(hotline.intakeUrl(), Duration.ofMinutes(5))) {
            Hotline.sideBySide(secondCases::start, secondStats::start);
            awaitPartitionsSharedByTwo(hotline, "case-service");
            awaitPartitionsSharedByTwo(hotline, "stats-service");

            CountDownLatch done = load.run("scale-out", CONTACTS, INTERVAL);
            await("a third of the load sent").atMost(PATIENCE).until(() -> load.requests() >= CONTACTS / 3);
            // The second instances leave (SIGTERM, as a rolling update does): their partitions
            // move to the first ones, mid-load...
            Hotline.sideBySide(secondCases::stop, secondStats::stop);
            await("two thirds of the load sent").atMost(PATIENCE).until(() -> load.requests() >= 2 * CONTACTS / 3);
            // ...and come back, and the partitions are shared out again.
            Hotline.sideBySide(secondCases::restart, secondStats::restart);
            assertThat(done.await(10, TimeUnit.MINUTES)).as("every contact answered or given up").isTrue();
            awaitPartitionsSharedByTwo(hotline, "case-service");
            awaitPartitionsSharedByTwo(hotline, "stats-service");

            Reconciliation.Report report = ScenarioFigures.awaitAgreement(hotline, PATIENCE);
            ScenarioFigures figures = ScenarioFigures.of("two instances of each consumer, rebalanced twice", hotline,
                    load.sent(), deadLettersBefore);
            System.out.print(ScenarioFigures.header() + figures.row() + String.format("Reconciliation: %d contacts,"
                    + " %d surrender callers, %d drifts%n", report.contacts(), report.surrenderCallers(),
                    report.drifts().size()));
            figures.assertClean();
            assertThat(report.drifts()).as("drift between intake, case and stats stores").isEmpty();
        } finally {
            Hotline.sideBySide(secondCases::stop, secondStats::stop);
        }
    }

    /**
     * The contact topic's partitions are held by exactly two members of the group, one per
     * instance. (stats-service also reads the case topic in the same group, with a consumer of
     * its own, so members are counted by what they hold.)
     */
    private static void awaitPartitionsSharedByTwo(Hotline hotline, String group) {
        await(group + ": the contact partitions shared by two instances").atMost(PATIENCE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    List<MemberDescription> holders = describe(hotline, group).members().stream()
                            .filter(m -> m.assignment().topicPartitions().stream()
                                    .anyMatch(p -> p.topic().equals(Topics.CONTACTS)))
                            .toList();
                    int held = holders.stream().mapToInt(m -> (int) m.assignment().topicPartitions().stream()
                            .filter(p -> p.topic().equals(Topics.CONTACTS)).count()).sum();
                    return holders.size() == 2 && held == Topics.PARTITIONS;
                });
    }

    private static ConsumerGroupDescription describe(Hotline hotline, String group)
            throws InterruptedException, ExecutionException {
        try (Admin admin = hotline.kafka().admin()) {
            return admin.describeConsumerGroups(List.of(group)).all().get().get(group);
        }
    }

}
