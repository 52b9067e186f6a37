package org.hotline.bench;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.hotline.stack.Console;
import org.hotline.stack.StackFailure;

/**
 * {@code ./stack bench [--smoke] [--jfr] [--drain-events N] [--import-scale S] [--token TOKEN] [--out DIR]}: runs the benchmark and
 * writes {@code report.md} and {@code report.json} into the output folder ({@code .stack/bench}
 * by default, git-ignored). It asserts nothing: it measures.
 */
public final class BenchCommand {

    static final String USAGE = """
            Usage: ./stack bench [--smoke] [--jfr] [--drain-events N] [--import-scale S] [--token TOKEN] [--out DIR]

              --smoke             a few seconds per step: proves every figure is measured (CI)
              --drain-events N    the backlog of each drain and of the replay (default 100000,
                                  2000 with --smoke; the issue's figure is 1000000)
              --import-scale S    share of the reference history ./stack seed imports through the
                                  bulk path (default 0.001 = 14,200 contacts, 0.0001 with --smoke)
              --jfr               record intake with Java Flight Recorder; the report lists its top costs
              --token TOKEN       send "Authorization: Bearer TOKEN" with every request
                                  (or set HOTLINE_BENCH_TOKEN)
              --out DIR           where the report goes (default .stack/bench)
            """;

    private BenchCommand() {
    }

    public static void main(String[] args) {
        Path repoRoot = Path.of(System.getProperty("hotline.repo.root", ".")).toAbsolutePath().normalize();
        Console console = Console.system();
        try {
            System.exit(run(repoRoot, List.of(args), console));
        } catch (BenchFailure | StackFailure e) {
            console.error(e.getMessage());
            System.exit(1);
        }
    }

    static int run(Path repoRoot, List<String> args, Console console) {
        BenchPlan plan = BenchPlan.fullRun();
        boolean flightRecording = false;
        Optional<String> token = Optional.ofNullable(System.getenv("HOTLINE_BENCH_TOKEN")).filter(t -> !t.isBlank());
        Path out = repoRoot.resolve(".stack/bench");
        // Applied after the loop, so that they hold whether they come before or after --smoke.
        Optional<Long> drainEvents = Optional.empty();
        Optional<BigDecimal> importScale = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--smoke" -> plan = BenchPlan.smokeRun();
                case "--jfr" -> flightRecording = true;
                case "--drain-events" -> drainEvents = Optional.of(number(value(args, ++i, "--drain-events"), "--drain-events"));
                case "--import-scale" -> importScale = Optional.of(scale(value(args, ++i, "--import-scale")));
                case "--token" -> token = Optional.of(value(args, ++i, "--token"));
                case "--out" -> out = Path.of(value(args, ++i, "--out")).toAbsolutePath().normalize();
                case "-h", "--help" -> {
                    console.plain(USAGE.strip());
                    return 0;
                }
                default -> {
                    console.error("unknown option for bench: " + args.get(i) + "\n\n" + USAGE.strip());
                    return 2;
                }
            }
        }
        plan = drainEvents.map(plan::withDrainEvents).orElse(plan);
        plan = importScale.map(plan::withImportScale).orElse(plan);
        String commandLine = "./stack bench" + (args.isEmpty() ? "" : " " + String.join(" ", args))
                .replaceAll("--token \\S+", "--token ***");
        Report report = new Benchmark(repoRoot, out, plan, token.map(t -> "Bearer " + t), flightRecording, console)
                .run(commandLine);
        report.write(out);
        console.step("Report");
        console.plain(report.markdown());
        console.ok("written to " + out.resolve("report.md") + " and " + out.resolve("report.json"));
        return 0;
    }

    private static long number(String value, String option) {
        try {
            return Long.parseLong(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new BenchFailure(option + " needs a whole number, not " + value);
        }
    }

    private static BigDecimal scale(String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new BenchFailure("--import-scale needs a number such as 0.001, not " + value);
        }
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new BenchFailure(option + " needs a value (see ./stack bench --help)");
        }
        return args.get(index);
    }
}
