package org.hotline.history;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Compares the three stores of a running hotline (months in Europe/Kyiv):
 * <ul>
 * <li>the contacts intake holds against the contacts stats counted, per month, by origin and by purpose;</li>
 * <li>the callers who asked to surrender against the cases case-service opened for them (exactly one each);</li>
 * <li>the contacts that name a case (surrender requests, and follow-ups and relatives' inquiries with a
 * reference) against those case-service linked to a case or keeps waiting as unsettled, per month;</li>
 * <li>each case's contact count against the contacts linked to it (a contact counted twice shows here);</li>
 * <li>the cases case-service opened, per month and origin, and holds in each state, against stats' figures
 * (a {@code CaseOpened} counted twice, or lost, shows here).</li>
 * </ul>
 * Reads intake's and case-service's databases directly and stats through its API; {@link #compare}
 * holds every rule, apart from the reading, so that a test can plant each kind of drift.
 */
public final class Reconciliation {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ZONE = "Europe/Kyiv";
    /** The month of a drift that belongs to no month: a case of a caller intake never had. */
    static final YearMonth NO_MONTH = YearMonth.of(1970, 1);

    /** One figure that differs, for one month: what the first store implies against what the other holds. */
    public record Drift(YearMonth month, String figure, long expected, long found) {

        @Override
        public String toString() {
            return String.format("%s  %-60s expected %,8d  found %,8d  (%+,d)", month, figure, expected, found,
                    found - expected);
        }
    }

    /**
     * @param contacts           contacts in intake
     * @param surrenderCallers   callers with at least one surrender request in intake
     * @param drifts             every figure that differs, by month; empty when the stores agree
     */
    public record Report(long contacts, long surrenderCallers, List<Drift> drifts) {

        public boolean agrees() {
            return drifts.isEmpty();
        }
    }

    /** Where the stores are. */
    public record Stores(String intakeJdbcUrl, String casesJdbcUrl, String user, String password, URI stats) {
    }

    /**
     * What intake holds.
     *
     * @param contacts              month → "total", "origin=RU", "purpose=INFORMATION"... → contacts
     * @param firstSurrenderRequest caller key → month of his first surrender request
     * @param namingACase           month → contacts case-service must take up: surrender requests, and
     *                              follow-ups and relatives' inquiries that name a reference
     */
    record IntakeFigures(SortedMap<YearMonth, Map<String, Long>> contacts, Map<String, YearMonth> firstSurrenderRequest,
            Map<YearMonth, Long> namingACase) {
    }

    /** One case's contact count as case-service keeps it, and the contacts actually linked to it. */
    record CaseContacts(YearMonth opened, long counted, long linked) {
    }

    /**
     * What case-service holds.
     *
     * @param casesOfCaller caller key → his cases (cases opened without a call have no caller key)
     * @param linked        month of the contact → contacts linked to a case by their reference (not by an officer)
     * @param unsettled     month of the contact → contacts waiting for a case with the reference they name
     * @param caseContacts  case reference → its contact count and its links
     * @param opened        month → "total", "origin=RU"... → cases opened
     * @param byState       state → cases in it now
     */
    record CaseFigures(Map<String, Long> casesOfCaller, Map<YearMonth, Long> linked, Map<YearMonth, Long> unsettled,
            Map<String, CaseContacts> caseContacts, SortedMap<YearMonth, Map<String, Long>> opened,
            Map<String, Long> byState) {
    }

    /**
     * What stats-service shows.
     *
     * @param contacts    month → "total", "origin=RU", "purpose=..." → contacts counted
     * @param casesOpened month → "total", "origin=RU"... → cases counted as opened
     * @param casesByState state → cases it shows in that state now
     */
    record StatsFigures(Map<YearMonth, Map<String, Long>> contacts, Map<YearMonth, Map<String, Long>> casesOpened,
            Map<String, Long> casesByState) {
    }

    private final Stores stores;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Reconciliation(Stores stores) {
        this.stores = stores;
    }

    public Report run() {
        try {
            IntakeFigures intake = intakeFigures();
            CaseFigures cases = caseFigures();
            StatsFigures stats = statsFigures(intake.contacts(), cases.opened());
            long contacts = intake.contacts().values().stream().mapToLong(cells -> cells.getOrDefault("total", 0L)).sum();
            return new Report(contacts, intake.firstSurrenderRequest().size(), compare(intake, cases, stats));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot read the stores: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every figure in which the stores disagree; empty when they agree. */
    static List<Drift> compare(IntakeFigures intake, CaseFigures cases, StatsFigures stats) {
        List<Drift> drifts = new ArrayList<>();
        compareCells("stats contacts ", intake.contacts(), stats.contacts(), drifts);
        compareSurrenderCallers(intake.firstSurrenderRequest(), cases.casesOfCaller(), drifts);
        compareTakenUp(intake.namingACase(), cases, drifts);
        Map<YearMonth, long[]> miscounted = new TreeMap<>();
        cases.caseContacts().values().forEach(c -> {
            if (c.counted() != c.linked()) {
                long[] sums = miscounted.computeIfAbsent(c.opened(), m -> new long[2]);
                sums[0] += c.linked();
                sums[1] += c.counted();
            }
        });
        miscounted.forEach((month, sums) -> drifts.add(new Drift(month,
                "case-service contact counts of cases (against their links)", sums[0], sums[1])));
        compareCells("stats cases opened ", cases.opened(), stats.casesOpened(), drifts);
        for (String state : new TreeSet<>(union(cases.byState().keySet(), stats.casesByState().keySet()))) {
            long ours = cases.byState().getOrDefault(state, 0L);
            long theirs = stats.casesByState().getOrDefault(state, 0L);
            if (ours != theirs) {
                drifts.add(new Drift(NO_MONTH, "stats cases now " + state + " (against case-service)", ours, theirs));
            }
        }
        return List.copyOf(drifts);
    }

    /** Each month and cell of {@code ours} (and any the other store has beyond it) must be equal. */
    private static void compareCells(String figure, SortedMap<YearMonth, Map<String, Long>> ours,
            Map<YearMonth, Map<String, Long>> theirs, List<Drift> drifts) {
        TreeSet<YearMonth> months = new TreeSet<>(union(ours.keySet(), theirs.keySet()));
        for (YearMonth month : months) {
            Map<String, Long> a = ours.getOrDefault(month, Map.of());
            Map<String, Long> b = theirs.getOrDefault(month, Map.of());
            for (String cell : new TreeSet<>(union(a.keySet(), b.keySet()))) {
                long expected = a.getOrDefault(cell, 0L);
                long found = b.getOrDefault(cell, 0L);
                if (expected != found) {
                    drifts.add(new Drift(month, figure + cell, expected, found));
                }
            }
        }
    }

    /** Every caller with a surrender request must have exactly one case; drifts by month of his first request. */
    private static void compareSurrenderCallers(Map<String, YearMonth> firstRequest, Map<String, Long> cases,
            List<Drift> drifts) {
        Map<YearMonth, long[]> byMonth = new TreeMap<>();
        firstRequest.forEach((caller, month) -> {
            long[] counts = byMonth.computeIfAbsent(month, m -> new long[3]);
            long caseCount = cases.getOrDefault(caller, 0L);
            counts[0]++;
            if (caseCount == 0) {
                counts[1]++;
            } else if (caseCount > 1) {
                counts[2]++;
            }
        });
        byMonth.forEach((month, counts) -> {
            if (counts[1] > 0) {
                drifts.add(new Drift(month, "surrender callers without a case", counts[0], counts[0] - counts[1]));
            }
            if (counts[2] > 0) {
                drifts.add(new Drift(month, "surrender callers with 2+ cases", counts[0], counts[0] + counts[2]));
            }
        });
        long strangers = cases.keySet().stream().filter(caller -> !firstRequest.containsKey(caller)).count();
        if (strangers > 0) {
            drifts.add(new Drift(NO_MONTH, "cases of callers intake never had", 0, strangers));
        }
    }

    /**
     * Each contact naming a case is linked or waits as unsettled, once: a lost one leaves the month
     * short, one both linked and waiting (or one intake never had) leaves it over.
     */
    private static void compareTakenUp(Map<YearMonth, Long> namingACase, CaseFigures cases, List<Drift> drifts) {
        TreeSet<YearMonth> months = new TreeSet<>(union(namingACase.keySet(), cases.linked().keySet()));
        months.addAll(cases.unsettled().keySet());
        for (YearMonth month : months) {
            long expected = namingACase.getOrDefault(month, 0L);
            long found = cases.linked().getOrDefault(month, 0L) + cases.unsettled().getOrDefault(month, 0L);
            if (expected != found) {
                drifts.add(new Drift(month, "case-service contacts linked or unsettled (against intake)", expected,
                        found));
            }
        }
    }

    private IntakeFigures intakeFigures() throws SQLException {
        TreeMap<YearMonth, Map<String, Long>> cells = new TreeMap<>();
        Map<String, YearMonth> firstRequest = new TreeMap<>();
        Map<YearMonth, Long> namingACase = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(stores.intakeJdbcUrl(), stores.user(), stores.password());
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("select " + month("received_at") + ", origin, purpose, count(*)"
                    + " from contact group by 1, 2, 3")) {
                while (rs.next()) {
                    Map<String, Long> month = cells.computeIfAbsent(YearMonth.parse(rs.getString(1)), m -> new TreeMap<>());
                    long count = rs.getLong(4);
                    month.merge("total", count, Long::sum);
                    month.merge("origin=" + rs.getString(2), count, Long::sum);
                    month.merge("purpose=" + rs.getString(3), count, Long::sum);
                }
            }
            try (ResultSet rs = statement.executeQuery("select caller_key, " + month("min(received_at)")
                    + " from contact where purpose = 'SURRENDER_REQUEST' group by caller_key")) {
                while (rs.next()) {
                    firstRequest.put(rs.getString(1), YearMonth.parse(rs.getString(2)));
                }
            }
            readCounts(statement, "select " + month("received_at") + ", count(*) from contact"
                    + " where purpose = 'SURRENDER_REQUEST'"
                    + " or (purpose in ('FOLLOW_UP', 'RELATIVE_INQUIRY') and case_reference is not null) group by 1",
                    namingACase);
        }
        return new IntakeFigures(cells, firstRequest, namingACase);
    }

    private CaseFigures caseFigures() throws SQLException {
        Map<String, Long> casesOfCaller = new TreeMap<>();
        Map<YearMonth, Long> linked = new TreeMap<>();
        Map<YearMonth, Long> unsettled = new TreeMap<>();
        Map<String, CaseContacts> caseContacts = new TreeMap<>();
        TreeMap<YearMonth, Map<String, Long>> opened = new TreeMap<>();
        Map<String, Long> byState = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(stores.casesJdbcUrl(), stores.user(), stores.password());
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("select caller_key, count(*) from surrender_case"
                    + " where caller_key is not null group by caller_key")) {
                while (rs.next()) {
                    casesOfCaller.put(rs.getString(1), rs.getLong(2));
                }
            }
            // Inquiries an officer linked by hand name no reference in intake: they are not counted here.
            readCounts(statement, "select " + month("occurred_at") + ", count(*) from case_contact"
                    + " where linked_by is null group by 1", linked);
            readCounts(statement, "select " + month("occurred_at") + ", count(*) from unsettled_contact group by 1",
                    unsettled);
            try (ResultSet rs = statement.executeQuery("select c.reference, " + month("c.opened_at")
                    + ", c.contact_count, count(l.contact_id) from surrender_case c"
                    + " left join case_contact l on l.case_id = c.id group by c.id")) {
                while (rs.next()) {
                    caseContacts.put(rs.getString(1), new CaseContacts(YearMonth.parse(rs.getString(2)), rs.getLong(3),
                            rs.getLong(4)));
                }
            }
            try (ResultSet rs = statement.executeQuery("select " + month("opened_at") + ", origin, count(*)"
                    + " from surrender_case group by 1, 2")) {
                while (rs.next()) {
                    Map<String, Long> month = opened.computeIfAbsent(YearMonth.parse(rs.getString(1)), m -> new TreeMap<>());
                    month.merge("total", rs.getLong(3), Long::sum);
                    month.merge("origin=" + rs.getString(2), rs.getLong(3), Long::sum);
                }
            }
            try (ResultSet rs = statement.executeQuery("select state, count(*) from surrender_case group by state")) {
                while (rs.next()) {
                    byState.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return new CaseFigures(casesOfCaller, linked, unsettled, caseContacts, opened, byState);
    }

    private StatsFigures statsFigures(SortedMap<YearMonth, Map<String, Long>> intakeContacts,
            SortedMap<YearMonth, Map<String, Long>> casesOpened) throws IOException, InterruptedException {
        Map<YearMonth, Map<String, Long>> contacts = intakeContacts.isEmpty() ? Map.of()
                : series("contacts", intakeContacts.firstKey(), intakeContacts.lastKey(), List.of("origin", "purpose"));
        Map<YearMonth, Map<String, Long>> opened = casesOpened.isEmpty() ? Map.of()
                : series("casesOpened", casesOpened.firstKey(), casesOpened.lastKey(), List.of("origin"));
        Map<String, Long> byState = new TreeMap<>();
        get("/api/v1/stats/summary").path("cases").path("byState").fields().forEachRemaining(state -> {
            if (state.getValue().asLong() != 0) {
                byState.put(state.getKey(), state.getValue().asLong());
            }
        });
        return new StatsFigures(contacts, opened, byState);
    }

    /** Month → "total", "dimension=value"... of one stats series, split by each dimension in turn. */
    private Map<YearMonth, Map<String, Long>> series(String metric, YearMonth first, YearMonth last,
            List<String> dimensions) throws IOException, InterruptedException {
        Map<YearMonth, Map<String, Long>> cells = new TreeMap<>();
        for (String dimension : dimensions) {
            JsonNode series = get("/api/v1/stats/series?metric=" + metric + "&granularity=month&from=" + first.atDay(1)
                    + "&to=" + last.atEndOfMonth() + "&groupBy=" + dimension);
            for (JsonNode bucket : series.path("buckets")) {
                YearMonth month = YearMonth.from(LocalDate.parse(bucket.path("start").asText()));
                Map<String, Long> cell = cells.computeIfAbsent(month, m -> new TreeMap<>());
                if (bucket.path("total").asLong() != 0) {
                    cell.put("total", bucket.path("total").asLong());
                }
                bucket.path("groups").fields().forEachRemaining(group -> {
                    if (group.getValue().asLong() != 0) {
                        cell.put(dimension + "=" + group.getKey(), group.getValue().asLong());
                    }
                });
            }
        }
        return cells;
    }

    private static String month(String column) {
        return "to_char(" + column + " at time zone '" + ZONE + "', 'YYYY-MM')";
    }

    private static void readCounts(Statement statement, String sql, Map<YearMonth, Long> into) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                into.put(YearMonth.parse(rs.getString(1)), rs.getLong(2));
            }
        }
    }

    private JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(BearerToken.added(HttpRequest.newBuilder(stores.stats().resolve(pathAndQuery)))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("stats answered " + response.statusCode() + " to " + pathAndQuery + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static <T> List<T> union(java.util.Set<T> a, java.util.Set<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * {@code ./stack reconcile}: prints the drift by month and exits 1 when the stores disagree.
     * Options: --intake-db, --cases-db (JDBC URLs), --user, --password, --stats (base URL).
     */
    public static void main(String[] args) {
        Map<String, String> options = Options.parse(args, Map.of(
                "--intake-db", "jdbc:postgresql://127.0.0.1:55432/intake",
                "--cases-db", "jdbc:postgresql://127.0.0.1:55432/cases",
                "--user", "postgres", "--password", "", "--stats", "http://localhost:8083"));
        Report report = new Reconciliation(new Stores(options.get("--intake-db"), options.get("--cases-db"),
                options.get("--user"), options.get("--password"), URI.create(options.get("--stats")))).run();
        System.out.printf("contacts in intake: %,d; callers who asked to surrender: %,d%n", report.contacts(),
                report.surrenderCallers());
        if (report.agrees()) {
            System.out.println("no drift: stats count every contact of intake by month, origin and purpose, and every"
                    + " case of case-service by month, origin and state; every surrender caller has exactly one case;"
                    + " every contact naming a case is linked or waits, and counted once");
            return;
        }
        System.out.println("DRIFT:");
        report.drifts().forEach(drift -> System.out.println("  " + drift));
        System.exit(1);
    }
}
