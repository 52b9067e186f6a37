package org.hotline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hotline.system.RunningHotline.Hotline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The services' logs as production writes them, and as the system tests' stack writes them too
 * (RunningHotline): one JSON object a line (quarkus-logging-json), its MDC under {@code mdc} and an
 * exception, with its causes and frames, under {@code exception}. A line that is not a JSON object
 * fails the test that reads it: a log collector would choke on it, and a scan that skipped it would
 * miss what it holds. The one exception is a record cut off by a killed process and followed on its
 * line by the restarted service's first record: the cut-off part is kept as a {@code cutOff} text.
 */
final class ServiceLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How quarkus-logging-json begins every record. */
    private static final String RECORD_START = "{\"timestamp\":";

    private ServiceLog() {
    }

    /**
     * The logs written in the services' JSON: each service's (an added instance's too) and its
     * migration's (the migrations run with the services' configuration).
     */
    static List<Path> everyJsonLog(Hotline hotline) {
        List<Path> logs = new ArrayList<>(hotline.serviceLogs());
        for (String service : List.of("intake-service", "case-service", "stats-service")) {
            Path migration = hotline.home().resolve("logs").resolve(service + "-migration.log");
            if (Files.exists(migration)) {
                logs.add(migration);
            }
        }
        return logs;
    }

    /** Every whole line of the log, each a JSON object. */
    static List<JsonNode> records(Path log) {
        return recordsSince(log, 0);
    }

    /**
     * The whole lines written after {@code offset} (the log's size taken earlier), each a JSON
     * object. A line the service was writing at that moment is left out, and so is the one it may be
     * writing now.
     */
    static List<JsonNode> recordsSince(Path log, long offset) {
        String written;
        boolean midLine;
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            midLine = offset > 0 && readByteAt(file, offset - 1) != '\n';
            byte[] appended = new byte[(int) (file.length() - offset)];
            file.seek(offset);
            file.readFully(appended);
            written = new String(appended, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
        // Whole lines only: the end of one begun before the offset, and one being written now, are left out.
        int from = !midLine ? 0 : written.indexOf('\n') < 0 ? written.length() : written.indexOf('\n') + 1;
        written = written.substring(from, Math.max(from, written.lastIndexOf('\n') + 1));
        List<JsonNode> records = new ArrayList<>();
        String[] lines = written.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            String line = lines[i];
            int restarted = line.lastIndexOf(RECORD_START);
            if (restarted > 0 && !isJson(line)) {
                // A process killed (SIGKILL) in the middle of writing a record leaves it cut off, and the
                // next start of the service appends its first record to that line. The cut-off part is
                // kept as text, so that the scans still read it; anything else that is not JSON fails.
                records.add(JSON.createObjectNode().put("cutOff", line.substring(0, restarted)));
                line = line.substring(restarted);
            }
            try {
                JsonNode record = JSON.readTree(line);
                assertThat(record.isObject()).as("line %d after offset %d of %s is a JSON object: %s", i + 1, offset,
                        log, lines[i]).isTrue();
                records.add(record);
            } catch (JsonProcessingException e) {
                fail("line %d after offset %d of %s is not JSON (%s): %s", i + 1, offset, log,
                        e.getOriginalMessage(), lines[i]);
            }
        }
        return records;
    }

    /**
     * Every field of every record of the log, nested ones included (the MDC, an exception's
     * message, causes and frames), decoded from JSON's escapes, one a line as
     * {@code line N: path=value}: the path names every field name on the way
     * ({@code line 7: mdc.eventId=...}), so names are searched as well as values.
     */
    static String text(Path log) {
        StringBuilder text = new StringBuilder();
        List<JsonNode> records = records(log);
        for (int i = 0; i < records.size(); i++) {
            appendText("line " + (i + 1) + ": ", records.get(i), text);
        }
        return text.toString();
    }

    private static void appendText(String path, JsonNode node, StringBuilder text) {
        if (node.isObject()) {
            String prefix = path.endsWith(" ") ? path : path + ".";
            node.properties().forEach(field -> appendText(prefix + field.getKey(), field.getValue(), text));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                appendText(path + "[" + i + "]", node.get(i), text);
            }
        } else {
            text.append(path).append('=').append(node.asText()).append('\n');
        }
    }

    private static boolean isJson(String line) {
        try {
            JSON.readTree(line);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static int readByteAt(RandomAccessFile file, long position) throws IOException {
        file.seek(position);
        return file.read();
    }
}
