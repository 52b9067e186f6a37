package org.hotline.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.hotline.system.RunningHotline.Hotline;

/**
 * The content of every table of the three databases, as a row count and a digest per table, so
 * that "nothing changed" can be asserted without knowing each service's schema. The outbox is
 * left out: its rows come and go as the relay sends them.
 */
record StoreSnapshot(Map<String, String> tables) {

    private static final List<String> DATABASES = List.of("intake", "cases", "stats");
    private static final List<String> TRANSIENT = List.of("outbox_message", "flyway_schema_history");

    static StoreSnapshot take(Hotline hotline) {
        Map<String, String> tables = new TreeMap<>();
        for (String database : DATABASES) {
            try (Connection connection = hotline.postgres().connect(database);
                 Statement statement = connection.createStatement()) {
                List<String> names = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
                    while (rs.next()) {
                        if (!TRANSIENT.contains(rs.getString(1))) {
                            names.add(rs.getString(1));
                        }
                    }
                }
                for (String name : names) {
                    try (ResultSet rs = statement.executeQuery("select count(*) || ':' || coalesce(md5(string_agg(t::text, '|'"
                            + " order by t::text)), '') from public.\"" + name + "\" t")) {
                        rs.next();
                        tables.put(database + "." + name, rs.getString(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read database " + database, e);
            }
        }
        return new StoreSnapshot(tables);
    }

    /**
     * The same snapshot without the services' audit logs. A refused or bad request leaves no
     * trace in the domain's tables, but it is meant to leave one in the audit log (every 401, 403
     * and 429, every read of a case, found or not).
     */
    StoreSnapshot withoutAuditLogs() {
        Map<String, String> domain = new TreeMap<>(tables);
        domain.keySet().removeIf(table -> table.endsWith(".audit_log"));
        return new StoreSnapshot(domain);
    }

    /** Rows in the three services' audit logs together. */
    long auditEntries() {
        return tables.entrySet().stream().filter(e -> e.getKey().endsWith(".audit_log"))
                .mapToLong(e -> Long.parseLong(e.getValue().substring(0, e.getValue().indexOf(':'))))
                .sum();
    }

    /** A snapshot once the consumers have settled: two readings a second apart agree. */
    static StoreSnapshot settled(Hotline hotline) {
        AtomicReference<StoreSnapshot> previous = new AtomicReference<>(take(hotline));
        AtomicReference<StoreSnapshot> current = new AtomicReference<>();
        Awaitility.await("stores settled").atMost(Duration.ofSeconds(60)).pollDelay(Duration.ofSeconds(1))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    current.set(take(hotline));
                    return current.get().equals(previous.getAndSet(current.get()));
                });
        return current.get();
    }
}
