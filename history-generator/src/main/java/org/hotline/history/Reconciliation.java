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
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Compares the three stores of a running hotline: the contacts intake holds against the contacts
 * stats counted (per month, by origin and by purpose, months in Europe/Kyiv), and the callers who
 * asked to surrender against the cases case-service opened for them (exactly one each). Reads
 * intake and case-service databases directly and stats through its public series API.
 */
public final class Reconciliation {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ZONE = "Europe/Kyiv";

    /** One figure that differs: intake's count against the other store's, for one month and cell. */
    public record Drift(YearMonth month, String figure, long intake, long other) {

        @Override
        public String toString() {
            return String.format("%s  %-34s intake %,8d  other %,8d  (%+,d)", month, figure, intake, other, other - intake);
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

    private final Stores stores;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Reconciliation(Stores stores) {
        this.stores = stores;
    }

    public Report run() {
        try {
            List<Drift> drifts = new ArrayList<>();
            TreeMap<YearMonth, Map<String, Long>> intakeCells = intakeContacts();
            long contacts = intakeCells.values().stream().mapToLong(cells -> cells.getOrDefault("total", 0L)).sum();
            if (!intakeCells.isEmpty()) {
                YearMonth first = intakeCells.firstKey();
                YearMonth last = intakeCells.lastKey();
                Map<YearMonth, Map<String, Long>> statsCells = statsContacts(first, last);
                for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
                    Map<String, Long> ours = intakeCells.getOrDefault(month, Map.of());
                    Map<String, Long> theirs = statsCells.getOrDefault(month, Map.of());
                    for (String cell : new TreeSet<>(union(ours.keySet(), theirs.keySet()))) {
                        long a = ours.getOrDefault(cell, 0L);
                        long b = theirs.getOrDefault(cell, 0L);
                        if (a != b) {
                            drifts.add(new Drift(month, "stats contacts " + cell, a, b));
                        }
                    }
                }
            }
            long callers = surrenderCallers(drifts);
            return new Report(contacts, callers, List.copyOf(drifts));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot read the stores: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Month → "total", "origin=RU", "purpose=INFORMATION"... → count. */
    private TreeMap<YearMonth, Map<String, Long>> intakeContacts() throws SQLException {
        TreeMap<YearMonth, Map<String, Long>> cells = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(stores.intakeJdbcUrl(), stores.user(), stores.password());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select to_char(received_at at time zone '" + ZONE + "', 'YYYY-MM'),"
                     + " origin, purpose, count(*) from contact group by 1, 2, 3")) {
            while (rs.next()) {
                Map<String, Long> month = cells.computeIfAbsent(YearMonth.parse(rs.getString(1)), m -> new TreeMap<>());
                long count = rs.getLong(4);
                month.merge("total", count, Long::sum);
                month.merge("origin=" + rs.getString(2), count, Long::sum);
                month.merge("purpose=" + rs.getString(3), count, Long::sum);
            }
        }
        return cells;
    }

    private Map<YearMonth, Map<String, Long>> statsContacts(YearMonth first, YearMonth last)
            throws IOException, InterruptedException {
        Map<YearMonth, Map<String, Long>> cells = new TreeMap<>();
        for (String dimension : List.of("origin", "purpose")) {
            JsonNode series = get("/api/v1/stats/series?metric=contacts&granularity=month&from=" + first.atDay(1)
                    + "&to=" + last.atEndOfMonth() + "&groupBy=" + dimension);
            for (JsonNode bucket : series.path("buckets")) {
                YearMonth month = YearMonth.from(LocalDate.parse(bucket.path("start").asText()));
                Map<String, Long> cell = cells.computeIfAbsent(month, m -> new TreeMap<>());
                cell.put("total", bucket.path("total").asLong());
                bucket.path("groups").fields().forEachRemaining(group -> {
                    if (group.getValue().asLong() != 0) {
                        cell.put(dimension + "=" + group.getKey(), group.getValue().asLong());
                    }
                });
            }
        }
        return cells;
    }

    /** Every caller with a surrender request must have exactly one case; drifts by month of his first request. */
    private long surrenderCallers(List<Drift> drifts) throws SQLException {
        Map<String, YearMonth> firstRequest = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(stores.intakeJdbcUrl(), stores.user(), stores.password());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select caller_key, to_char(min(received_at) at time zone '" + ZONE
                     + "', 'YYYY-MM') from contact where purpose = 'SURRENDER_REQUEST' group by caller_key")) {
            while (rs.next()) {
                firstRequest.put(rs.getString(1), YearMonth.parse(rs.getString(2)));
            }
        }
        Map<String, Long> cases = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(stores.casesJdbcUrl(), stores.user(), stores.password());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select caller_key, count(*) from surrender_case"
                     + " where caller_key is not null group by caller_key")) {
            while (rs.next()) {
                cases.put(rs.getString(1), rs.getLong(2));
            }
        }
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
            drifts.add(new Drift(YearMonth.of(1970, 1), "cases of callers intake never had", 0, strangers));
        }
        return firstRequest.size();
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
            System.out.println("no drift: stats count every contact of intake by month, origin and purpose;"
                    + " every surrender caller has exactly one case");
            return;
        }
        System.out.println("DRIFT:");
        report.drifts().forEach(drift -> System.out.println("  " + drift));
        System.exit(1);
    }
}
