package org.hotline.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.hotline.stack.Console;
import org.hotline.stack.StackFailure;

/**
 * {@code ./stack bench [--smoke] [--jfr] [--token TOKEN] [--out DIR]}: runs the benchmark and
 * writes {@code report.md} and {@code report.json} into the output folder ({@code .stack/bench}
 * by default, git-ignored). It asserts nothing: it measures.
 */
public final class BenchCommand {

    static final String USAGE = """
            Usage: ./stack bench [--smoke] [--jfr] [--token TOKEN] [--out DIR]

              --smoke        a few seconds per step: proves every figure is measured (CI)
              --jfr          record intake with Java Flight Recorder; the report lists its top costs
              --token TOKEN  send "Authorization: Bearer TOKEN" with every request
                             (or set HOTLINE_BENCH_TOKEN)
              --out DIR      where the report goes (default .stack/bench)
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
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--smoke" -> plan = BenchPlan.smokeRun();
                case "--jfr" -> flightRecording = true;
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

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new BenchFailure(option + " needs a value (see ./stack bench --help)");
        }
        return args.get(index);
    }
}
