package org.hotline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The circumstances of a run, for the report: which machine, how busy it was, which code. */
final class MachineDescription {

    private MachineDescription() {
    }

    static void describe(Report report, Path repoRoot, String commandLine, BenchPlan plan) {
        report.context("command", "`" + commandLine + "`");
        report.context("kind", plan.smoke() ? "smoke (a few seconds each: the figures prove only that each is measured)"
                : "full (" + plan.load().toSeconds() + " s per load run)");
        report.context("started", Instant.now().toString());
        report.context("commit", git(repoRoot));
        report.context("machine", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                + memory() + " RAM");
        report.context("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        report.context("load average at the start (1, 5, 15 min)", loadAverage());
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> Math.round(Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0) + " GiB")
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String git(Path repoRoot) {
        try {
            Process git = new ProcessBuilder(List.of("git", "-C", repoRoot.toString(), "log", "-1", "--format=%h %s"))
                    .redirectErrorStream(true).start();
            String text = new String(git.getInputStream().readAllBytes()).strip();
            return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? text : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
