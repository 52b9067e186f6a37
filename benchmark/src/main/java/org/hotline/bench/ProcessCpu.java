package org.hotline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU and memory of single processes, from {@code /proc/PID/stat} and {@code /proc/PID/status}.
 * Unlike the machine-wide figure, these do not move when a neighbour builds beside the benchmark.
 */
final class ProcessCpu {

    private ProcessCpu() {
    }

    /** user + system time of the process itself, in ms; 0 once it is gone. */
    static double ownMillis(long pid) {
        return ticks(pid, false) * 1000.0 / MachineCpu.TICKS_PER_SECOND;
    }

    /**
     * user + system time of the process and of its children that have exited and been waited
     * for, in ms: for the postmaster, whose backends come and go with their connections.
     */
    static double withReapedChildrenMillis(long pid) {
        return ticks(pid, true) * 1000.0 / MachineCpu.TICKS_PER_SECOND;
    }

    /**
     * user + system time of a JVM's JIT compiler threads (HotSpot names them {@code C1 CompilerThread…}
     * and {@code C2 CompilerThread…}), in ms: how much of a process's CPU went to compiling rather
     * than to the work. Threads that ended (HotSpot starts and stops compiler threads as the
     * queue grows and shrinks) are no longer counted, so this is a floor.
     */
    static double compilerMillis(long pid) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.filter(ProcessCpu::isCompilerThread).mapToLong(task -> ticks(task, false)).sum() * 1000.0
                    / MachineCpu.TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static boolean isCompilerThread(Path task) {
        try {
            String name = Files.readString(task.resolve("comm")).strip();
            return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
        } catch (IOException e) {
            return false;
        }
    }

    /** The resident set (VmRSS) in MiB, if the process runs. */
    static Optional<Double> rssMebibytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static long ticks(long pid, boolean withChildren) {
        return ticks(Path.of("/proc", Long.toString(pid)), withChildren);
    }

    /** From the {@code stat} file of a process or a task (thread) directory under /proc. */
    private static long ticks(Path process, boolean withChildren) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            // The command name in parentheses may hold spaces: count fields after its closing one.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return withChildren ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
