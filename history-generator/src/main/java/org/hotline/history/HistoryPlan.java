package org.hotline.history;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * How many contacts of each kind every month gets at a given scale. The published figures are
 * rounded half up from the reference table (so scale 1 reproduces it exactly); counts that must
 * add up to a rounded total (contacts per month, Russian contacts per month) are apportioned by
 * largest remainder, so the totals are exact too.
 *
 * @param scale      1 for the full history, e.g. 0.01 for a hundredth
 * @param contacts   all contacts, 14,200,000 × scale rounded
 * @param russian    contacts from {@code RU}, 83.9 % of {@code contacts} rounded
 */
public record HistoryPlan(BigDecimal scale, long contacts, long russian, List<MonthPlan> months) {

    /**
     * @param contacts               every contact of the month
     * @param surrenderRequests      the table's figure × scale, rounded half up
     * @param russianSurrenderRequests 70 % of them, rounded half up; the rest are from UA_OCCUPIED
     * @param russianOthers          the month's share of the remaining Russian contacts
     */
    public record MonthPlan(ReferenceHistory.Month month, long contacts, long surrenderRequests,
            long russianSurrenderRequests, long russianOthers) {

        public long others() {
            return contacts - surrenderRequests;
        }
    }

    public static HistoryPlan of(BigDecimal scale) {
        if (scale.signum() <= 0 || scale.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("the scale must be above 0 and at most 1, not " + scale);
        }
        List<ReferenceHistory.Month> months = ReferenceHistory.MONTHS;
        long contacts = rounded(BigDecimal.valueOf(ReferenceHistory.ALL_CONTACTS).multiply(scale));
        long russian = rounded(BigDecimal.valueOf(contacts).multiply(ReferenceHistory.RU_SHARE_OF_CONTACTS));
        // The ops room is busiest when most men want out: contacts follow the surrender requests.
        long[] perMonth = apportion(contacts, months.stream().mapToLong(ReferenceHistory.Month::surrenderRequests).toArray());
        long[] requests = new long[months.size()];
        long[] russianRequests = new long[months.size()];
        long[] others = new long[months.size()];
        long russianRequestTotal = 0;
        for (int i = 0; i < months.size(); i++) {
            requests[i] = rounded(BigDecimal.valueOf(months.get(i).surrenderRequests()).multiply(scale));
            russianRequests[i] = rounded(BigDecimal.valueOf(requests[i]).multiply(ReferenceHistory.RU_SHARE_OF_SURRENDER_REQUESTS));
            others[i] = perMonth[i] - requests[i];
            russianRequestTotal += russianRequests[i];
            if (others[i] < 0) {
                throw new IllegalArgumentException("scale " + scale + " is too small: fewer contacts than surrender"
                        + " requests in " + months.get(i).month());
            }
        }
        long[] russianOthers = apportion(russian - russianRequestTotal, others);
        List<MonthPlan> plans = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            if (russianOthers[i] > others[i]) {
                throw new IllegalArgumentException("scale " + scale + " cannot keep the Russian share in "
                        + months.get(i).month());
            }
            plans.add(new MonthPlan(months.get(i), perMonth[i], requests[i], russianRequests[i], russianOthers[i]));
        }
        return new HistoryPlan(scale, contacts, russian, List.copyOf(plans));
    }

    public long surrenderRequests() {
        return months.stream().mapToLong(MonthPlan::surrenderRequests).sum();
    }

    static long rounded(BigDecimal value) {
        return value.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Splits {@code total} in proportion to {@code weights}, whole numbers adding up exactly. */
    static long[] apportion(long total, long[] weights) {
        long weightSum = 0;
        for (long weight : weights) {
            weightSum += weight;
        }
        long[] shares = new long[weights.length];
        BigDecimal[] remainders = new BigDecimal[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            BigDecimal exact = BigDecimal.valueOf(total).multiply(BigDecimal.valueOf(weights[i]))
                    .divide(BigDecimal.valueOf(weightSum), 12, RoundingMode.DOWN);
            shares[i] = exact.setScale(0, RoundingMode.DOWN).longValueExact();
            remainders[i] = exact.subtract(BigDecimal.valueOf(shares[i]));
            given += shares[i];
        }
        for (long left = total - given; left > 0; left--) {
            int largest = 0;
            for (int i = 1; i < weights.length; i++) {
                if (remainders[i].compareTo(remainders[largest]) > 0) {
                    largest = i;
                }
            }
            shares[largest]++;
            remainders[largest] = BigDecimal.valueOf(-1);
        }
        return shares;
    }
}
