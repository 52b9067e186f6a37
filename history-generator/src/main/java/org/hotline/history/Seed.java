package org.hotline.history;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;

/**
 * {@code ./stack seed [--scale 0.01] [--seed 2022] [--intake http://localhost:8081] [--batch 1000] [--dry-run]}:
 * generates the synthetic history of the reference table at the given scale and feeds it through
 * intake's bulk API. Prints the plan first, and what was accepted and refused at the end.
 */
public final class Seed {

    private Seed() {
    }

    public static void main(String[] args) {
        Map<String, String> options = Options.parse(args, Map.of("--scale", "0.01", "--seed", "2022",
                "--intake", "http://localhost:8081", "--batch", "1000", "--dry-run", "false"));
        BigDecimal scale = new BigDecimal(options.get("--scale"));
        long seed = Long.parseLong(options.get("--seed"));
        HistoryPlan plan = HistoryPlan.of(scale);
        print(plan);
        if (Boolean.parseBoolean(options.get("--dry-run"))) {
            return;
        }
        BulkImport.Outcome outcome = run(plan, seed, URI.create(options.get("--intake")),
                Integer.parseInt(options.get("--batch")));
        System.out.printf("accepted %,d, refused %,d%n", outcome.accepted(), outcome.refused());
        outcome.refusals().forEach((reason, count) -> System.out.printf("  %,8d × %s%n", count, reason));
        if (outcome.refused() > 0) {
            System.exit(1);
        }
    }

    /** Generates and imports the whole history; the run key makes a repeated run change nothing. */
    public static BulkImport.Outcome run(HistoryPlan plan, long seed, URI intake, int batchSize) {
        BulkImport importer = new BulkImport(intake, "seed-" + seed + "-" + plan.scale().toPlainString(), batchSize,
                new BulkImport.Progress(System.err, plan.contacts()));
        new SyntheticHistory(plan, seed).forEach(importer::add);
        return importer.finish();
    }

    static void print(HistoryPlan plan) {
        System.out.printf("Synthetic history at scale %s: %,d contacts, %,d from RU (%.3f %%), %,d surrender requests%n",
                plan.scale().toPlainString(), plan.contacts(), plan.russian(),
                100.0 * plan.russian() / Math.max(1, plan.contacts()), plan.surrenderRequests());
        System.out.println("  month     contacts  surrender requests (RU / UA_OCCUPIED)");
        for (HistoryPlan.MonthPlan month : plan.months()) {
            System.out.printf("  %s  %,10d  %,8d (%,d / %,d)%n", month.month().month(), month.contacts(),
                    month.surrenderRequests(), month.russianSurrenderRequests(),
                    month.surrenderRequests() - month.russianSurrenderRequests());
        }
    }
}
