package org.hotline.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.hotline.stack.PostgresCluster;
import org.hotline.system.RunningHotline.Hotline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A caller who is forgotten cannot be found again: not in any store, topic or log, not by his phone
 * number, and not by restoring a backup taken before his erasure. Canary values unique to this run
 * are planted in his personal data, in the officers' words about his case (transition reasons, a
 * care note) and in an access reason; he is erased; then nothing holds a canary in clear, the case
 * history shows no words, dumps of intake's and case-service's databases taken before the erasure,
 * restored after it with both services restarted, show nothing readable the moment the services are
 * up, and his number then gets a new pseudonym. Nothing is written to intake between the dump and
 * the restore but the erasure itself (which the ledger brings back), so the shared stack's stores
 * still agree afterwards for the suites that reconcile them.
 */
@ExtendWith(RunningHotline.class)
class ForgettingIT {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void anErasedCallerCannotBeFoundAgainAnywhereNorBroughtBackByABackup(Hotline hotline) throws Exception {
        String phone = Contacts.freshPhoneNumber();
        String digits = phone.replaceAll("\\D", "");
        Map<String, String> canaries = new LinkedHashMap<>();
        for (String field : List.of("name", "unit", "location", "notes", "verified", "custody", "care", "access")) {
            canaries.put(field, word());
        }
        Map<String, Object> request = Contacts.contact("SURRENDER_REQUEST", phone,
                Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        request.put("details", Map.of("fullName", "Ivan " + canaries.get("name"), "unit", "unit " + canaries.get("unit"),
                "location", "near " + canaries.get("location"), "notes", "brother " + canaries.get("notes")));
        JsonPath created = Contacts.post(hotline.intakeUrl(), request).then().statusCode(201).extract().jsonPath();
        String contactId = created.getString("id");
        String reference = created.getString("caseReference");
        String callerKey = readContact(hotline, contactId, "access " + canaries.get("access")).getString("callerKey");
        assertThat(callerKey).matches("p-[0-9a-f]{32}");

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().baseUri(hotline.caseUrl())
                .get("/api/v1/cases/{reference}", reference).then().statusCode(200));
        transition(hotline, reference, Map.of("to", "VERIFIED", "reason", "his mother " + canaries.get("verified")));
        transition(hotline, reference, Map.of("to", "IN_CUSTODY", "mode", "SURRENDERED",
                "reason", "met at " + canaries.get("custody")));
        given().baseUri(hotline.caseUrl()).contentType(ContentType.JSON)
                .body(Map.of("kind", "MEDICAL_CARE", "at", Instant.now().toString(), // not before the custody, to the nanosecond
                        "note", "wound, told of " + canaries.get("care")))
                .post("/api/v1/cases/{reference}/care", reference).then().statusCode(201);
        // Controls: the words are there to be forgotten, and the scans below can find what is there.
        String historyBefore = history(hotline, reference);
        assertThat(historyBefore).contains(canaries.get("verified"), canaries.get("custody"), canaries.get("care"));
        assertThat(readContact(hotline, contactId, "control").getString("details.notes")).contains(canaries.get("notes"));

        Path backups = Files.createTempDirectory(Path.of("target"), "forgetting");
        Path intakeDump = dump(hotline.postgres(), "intake", backups);
        Path casesDump = dump(hotline.postgres(), "cases", backups);

        given().baseUri(hotline.intakeUrl()).delete("/api/v1/callers/{key}/personal-data", callerKey)
                .then().statusCode(204);

        assertThat(readContact(hotline, contactId, "after erasure").getBoolean("personalDataErased")).isTrue();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertForgottenByCaseService(hotline, reference, canaries));
        List<String> forbidden = new ArrayList<>(canaries.values());
        forbidden.addAll(List.of(digits, "+" + digits, digits.substring(1)));
        assertNothingInClear(hotline, forbidden, reference);

        // A backup from before the erasure, restored after it: both services stopped, both databases
        // replaced by their dumps, both started again.
        Hotline.sideBySide(hotline.intake()::stop, hotline.cases()::stop);
        restore(hotline.postgres(), "intake", intakeDump);
        restore(hotline.postgres(), "cases", casesDump);
        Hotline.sideBySide(hotline.intake()::restart, hotline.cases()::restart);

        // No waiting: the services are up, so the erasure must already be applied again.
        assertThat(readContact(hotline, contactId, "after restore").getBoolean("personalDataErased")).isTrue();
        assertForgottenByCaseService(hotline, reference, canaries);
        assertNothingInClear(hotline, forbidden, reference);
        try (var connection = hotline.postgres().connect("intake");
                var statement = connection.prepareStatement("select (select count(*) from caller_index where caller_key = ?)"
                        + " + (select count(*) from caller_data_key where caller_key = ? and wrapped_key is not null)")) {
            statement.setString(1, callerKey);
            statement.setString(2, callerKey);
            var rows = statement.executeQuery();
            rows.next();
            assertThat(rows.getLong(1)).as("index entries and live data keys of the forgotten caller").isZero();
        }
        // Only now, so that the restore above drops nothing the other stores counted: the shared stack
        // stays in agreement for the suites that reconcile after this one.
        String newKey = readContact(hotline, Contacts.post(hotline.intakeUrl(),
                Contacts.contact("INFORMATION", phone, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()))
                .then().statusCode(201).extract().path("id"), "same phone again").getString("callerKey");
        assertThat(newKey).as("the same phone after the erasure, and after the restore").isNotEqualTo(callerKey)
                .matches("p-[0-9a-f]{32}");
    }

    /** The history keeps states and dates but none of the officers' words, each marked as erased. */
    private static void assertForgottenByCaseService(Hotline hotline, String reference, Map<String, String> canaries) {
        String history = history(hotline, reference);
        assertThat(history).doesNotContain(canaries.values()).contains("IN_CUSTODY", "MEDICAL_CARE");
        JsonPath entries = JsonPath.from(history);
        List<Map<String, Object>> worded = entries.getList("entries.findAll { it.type == 'TRANSITION' || it.type == 'CARE' }");
        assertThat(worded).hasSizeGreaterThanOrEqualTo(3).allSatisfy(entry -> {
            assertThat(entry.get("reason")).isNull();
            assertThat(entry.get("note")).isNull();
        });
        assertThat(worded).anySatisfy(entry -> assertThat(entry.get("textErased")).isEqualTo(true));
    }

    private static void assertNothingInClear(Hotline hotline, List<String> forbidden, String reference) throws Exception {
        String intake = StoreScan.databaseText(hotline, "intake");
        String cases = StoreScan.databaseText(hotline, "cases");
        // Control: the scans read the rows that concern him.
        assertThat(List.of(intake, cases)).allSatisfy(text -> assertThat(text).contains(reference));
        StoreScan.assertNoneIn("database intake", intake, forbidden);
        StoreScan.assertNoneIn("database cases", cases, forbidden);
        StoreScan.assertNoneIn("database stats", StoreScan.databaseText(hotline, "stats"), forbidden);
        for (String topic : StoreScan.everyTopic(hotline)) {
            StoreScan.assertNoneIn("topic " + topic, StoreScan.topicText(hotline, topic), forbidden);
        }
        for (Path log : StoreScan.everyLog(hotline)) {
            StoreScan.assertNoneIn(log.toString(), StoreScan.logText(hotline, log), forbidden);
        }
    }

    private static JsonPath readContact(Hotline hotline, String contactId, String reason) {
        return given().baseUri(hotline.intakeUrl()).header("X-Access-Reason", reason)
                .get("/api/v1/contacts/{id}", contactId).then().statusCode(200).extract().jsonPath();
    }

    private static void transition(Hotline hotline, String reference, Map<String, Object> body) {
        given().baseUri(hotline.caseUrl()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/cases/{reference}/transitions", reference).then().statusCode(200);
    }

    private static String history(Hotline hotline, String reference) {
        return given().baseUri(hotline.caseUrl()).header("X-Access-Reason", "erasure check")
                .get("/api/v1/cases/{reference}/history", reference)
                .then().statusCode(200).extract().asString();
    }

    /** {@code pg_dump -Fc} of one database, as an operator's nightly backup takes it. */
    private static Path dump(PostgresCluster postgres, String database, Path folder) throws Exception {
        Path file = folder.resolve(database + ".dump").toAbsolutePath();
        run(PostgresCluster.serverBinaries().resolve("pg_dump").toString(), "-h", "127.0.0.1", "-p",
                Integer.toString(postgres.port()), "-U", postgres.user(), "-Fc", "-f", file.toString(), database);
        assertThat(Files.size(file)).isPositive();
        return file;
    }

    /** Every object of the database dropped and restored from the dump, rows, grants and all. */
    private static void restore(PostgresCluster postgres, String database, Path dump) throws Exception {
        run(PostgresCluster.serverBinaries().resolve("pg_restore").toString(), "-h", "127.0.0.1", "-p",
                Integer.toString(postgres.port()), "-U", postgres.user(), "--clean", "--if-exists",
                "--single-transaction", "-d", database, dump.toString());
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    /** 16 random hex digits behind a marker: found only where a canary was copied. */
    private static String word() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return "frgt" + HexFormat.of().formatHex(bytes);
    }
}
