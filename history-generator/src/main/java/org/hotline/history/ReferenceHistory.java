package org.hotline.history;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * The reference history of docs/DOMAIN.md ("Reference history"): surrender requests per month of
 * the ops room's zone, all contacts from launch to the report of 8 April 2023, and the shares of
 * Russia among all contacts and among surrender requests. Everything the generator produces is
 * derived from these figures and nothing else.
 */
public final class ReferenceHistory {

    static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    static final LocalDate LAUNCH = LocalDate.of(2022, 9, 18);
    static final LocalDate REPORT_EVE = LocalDate.of(2023, 4, 7);

    static final long ALL_CONTACTS = 14_200_000L;
    static final BigDecimal RU_SHARE_OF_CONTACTS = new BigDecimal("0.839");
    static final BigDecimal RU_SHARE_OF_SURRENDER_REQUESTS = new BigDecimal("0.70");

    /** One month of the table, cut to the launch and to the report. */
    public record Month(YearMonth month, int surrenderRequests) {

        LocalDate firstDay() {
            LocalDate first = month.atDay(1);
            return first.isBefore(LAUNCH) ? LAUNCH : first;
        }

        LocalDate lastDay() {
            LocalDate last = month.atEndOfMonth();
            return last.isAfter(REPORT_EVE) ? REPORT_EVE : last;
        }
    }

    static final List<Month> MONTHS = List.of(
            new Month(YearMonth.of(2022, 9), 500),
            new Month(YearMonth.of(2022, 10), 1_836),
            new Month(YearMonth.of(2022, 11), 3_500),
            new Month(YearMonth.of(2022, 12), 1_400),
            new Month(YearMonth.of(2023, 1), 1_100),
            new Month(YearMonth.of(2023, 2), 1_500),
            new Month(YearMonth.of(2023, 3), 3_000),
            new Month(YearMonth.of(2023, 4), 800));

    private ReferenceHistory() {
    }
}
