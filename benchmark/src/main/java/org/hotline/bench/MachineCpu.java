package org.hotline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Busy CPU of the whole machine, from the first line of {@code /proc/stat}. Busy is everything
 * but idle and I/O wait, so it counts every program on the machine: the stack, the load
 * generator, and whatever else runs beside them.
 */
record MachineCpu(long busyTicks, long totalTicks) {

    /** Clock ticks per second of {@code /proc}: USER_HZ, 100 on every Linux that ships today. */
    static final long TICKS_PER_SECOND = 100;

    static MachineCpu now() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            long total = 0;
            // user nice system idle iowait irq softirq steal (guest time is already inside user)
            for (int i = 1; i <= 8 && i < fields.length; i++) {
                long ticks = Long.parseLong(fields[i]);
                total += ticks;
                if (i != 4 && i != 5) {
                    busy += ticks;
                }
            }
            return new MachineCpu(busy, total);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Busy CPU since {@code before}, in milliseconds of one core. */
    double busyMillisSince(MachineCpu before) {
        return (busyTicks - before.busyTicks) * 1000.0 / TICKS_PER_SECOND;
    }

    /** Share of all cores that was busy since {@code before}, 0 to 1. */
    double busyShareSince(MachineCpu before) {
        long total = totalTicks - before.totalTicks;
        return total == 0 ? 0 : (busyTicks - before.busyTicks) / (double) total;
    }
}
