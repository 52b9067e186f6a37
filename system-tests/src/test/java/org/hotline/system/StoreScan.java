package org.hotline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.hotline.system.RunningHotline.Hotline;

/**
 * Reads everything the running hotline stores, as text, for tests that look for what must not be
 * there (canary personal data, secrets): every table of a database, every record of a topic,
 * every log file.
 */
final class StoreScan {

    private StoreScan() {
    }

    static void assertNoneIn(String where, String text, List<String> forbidden) {
        List<String> found = forbidden.stream().filter(text::contains).toList();
        assertThat(found).as(() -> "found in " + where + ", in the lines " + linesHolding(text, found)).isEmpty();
    }

    /** The first few lines that hold any of {@code found}, cut short: where to look. */
    private static List<String> linesHolding(String text, List<String> found) {
        return text.lines().filter(line -> found.stream().anyMatch(line::contains)).limit(5)
                .map(line -> line.length() > 400 ? line.substring(0, 400) + "…" : line).toList();
    }

    /** Every row of every table in every schema of the database (the system catalogues aside), as text. */
    static String databaseText(Hotline hotline, String database) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection connection = hotline.postgres().connect(database)) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = connection.createStatement().executeQuery("select format('%I.%I', schemaname, tablename)"
                    + " from pg_tables where schemaname not in ('pg_catalog', 'information_schema')")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).isNotEmpty();
            for (String table : tables) {
                try (ResultSet rs = connection.createStatement().executeQuery("select t::text from " + table + " t")) {
                    while (rs.next()) {
                        text.append(rs.getString(1)).append('\n');
                    }
                }
            }
        }
        return text.toString();
    }

    /** Every topic the broker holds, its own internal ones (consumer offsets) included. */
    static Set<String> everyTopic(Hotline hotline) throws Exception {
        try (var admin = hotline.kafka().admin()) {
            Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
            assertThat(topics).containsAll(org.hotline.events.Topics.all());
            return topics;
        }
    }

    /** Keys, values and headers of every record, decoded byte for byte (canaries are ASCII). */
    static String topicText(Hotline hotline, String topic) {
        StringBuilder text = new StringBuilder();
        for (ConsumerRecord<String, String> record : Topic.readAll(hotline.kafka().bootstrapServers(), topic)) {
            text.append(record.key()).append(' ').append(record.value()).append('\n');
            for (Header header : record.headers()) {
                text.append(header.key()).append('=')
                        .append(new String(header.value(), StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        return text.toString();
    }

    /**
     * A log as text to search: a service's JSON lines as every field name and value, decoded
     * ({@link ServiceLog}; a line that is not JSON fails), any other log as written.
     */
    static String logText(Hotline hotline, Path log) throws IOException {
        return ServiceLog.everyJsonLog(hotline).contains(log) ? ServiceLog.text(log)
                : Files.readString(log, StandardCharsets.ISO_8859_1);
    }

    /** The services', the broker's and PostgreSQL's logs: everything the stack writes under logs/. */
    static List<Path> everyLog(Hotline hotline) throws IOException {
        List<Path> logs = new ArrayList<>(hotline.serviceLogs());
        logs.add(hotline.postgres().log());
        try (Stream<Path> files = Files.walk(hotline.home().resolve("logs"))) {
            files.filter(Files::isRegularFile).filter(file -> !logs.contains(file)).forEach(logs::add);
        }
        assertThat(logs).hasSizeGreaterThanOrEqualTo(5);
        return logs;
    }
}
