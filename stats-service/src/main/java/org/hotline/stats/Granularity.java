package org.hotline.stats;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Optional;

/** The calendar period of one series bucket, in the ops room's time zone. */
public enum Granularity {
    DAY("day", ChronoUnit.DAYS) {
        @Override
        public LocalDate periodStart(LocalDate date) {
            return date;
        }

        @Override
        public LocalDate nextPeriodStart(LocalDate periodStart) {
            return periodStart.plusDays(1);
        }
    },
    /** ISO weeks, Monday to Sunday, as PostgreSQL's {@code date_trunc('week')} takes them. */
    WEEK("week", ChronoUnit.WEEKS) {
        @Override
        public LocalDate periodStart(LocalDate date) {
            return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }

        @Override
        public LocalDate nextPeriodStart(LocalDate periodStart) {
            return periodStart.plusWeeks(1);
        }
    },
    MONTH("month", ChronoUnit.MONTHS) {
        @Override
        public LocalDate periodStart(LocalDate date) {
            return date.withDayOfMonth(1);
        }

        @Override
        public LocalDate nextPeriodStart(LocalDate periodStart) {
            return periodStart.plusMonths(1);
        }
    };

    private final String parameter;
    private final ChronoUnit unit;

    Granularity(String parameter, ChronoUnit unit) {
        this.parameter = parameter;
        this.unit = unit;
    }

    /** How many periods hold the days from {@code from} to {@code to}, both inclusive. */
    public long periodsBetween(LocalDate from, LocalDate to) {
        return unit.between(periodStart(from), periodStart(to)) + 1;
    }

    /** The name used in the API, and the unit PostgreSQL's {@code date_trunc} understands. */
    public String parameter() {
        return parameter;
    }

    /** The first day of the period holding {@code date}. */
    public abstract LocalDate periodStart(LocalDate date);

    public abstract LocalDate nextPeriodStart(LocalDate periodStart);

    public static Optional<Granularity> fromParameter(String value) {
        return Arrays.stream(values()).filter(g -> g.parameter.equals(value)).findFirst();
    }
}
