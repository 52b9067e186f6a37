package org.hotline.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.system.Contacts.contact;
import static org.hotline.system.Contacts.freshPhoneNumber;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.assertj.core.api.SoftAssertions;
import org.hotline.system.RunningHotline.Hotline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;

/**
 * Hundreds of bad requests to every public endpoint of the three services. Each must be refused
 * with a 4xx problem+json, change nothing in any store, and leave no ERROR in any service log:
 * an operator must never have to chase a client's mistake.
 */
@ExtendWith(RunningHotline.class)
class HostileInputIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void everyHostileRequestIsRefusedWithAProblemChangesNothingAndLogsNoError(Hotline hotline) throws IOException {
        String phone = freshPhoneNumber();
        Map<String, Object> request = contact("SURRENDER_REQUEST", phone, "2025-05-20T10:00:00Z");
        var created = Contacts.post(hotline.intakeUrl(), request).then().statusCode(201).extract();
        String reference = created.path("caseReference");
        String contactId = created.path("id");
        await().atMost(DEADLINE).untilAsserted(() -> given().baseUri(hotline.caseUrl())
                .get("/api/v1/cases/{reference}", reference).then().statusCode(200));

        List<HostileInputs.Attempt> attempts = new HostileInputs(hotline.intakeUrl(), hotline.caseUrl(),
                hotline.statsUrl(), reference, contactId).all();
        StoreSnapshot before = StoreSnapshot.settled(hotline);
        Map<Path, Long> logOffsets = logSizes(hotline);

        Map<String, Integer> tried = new TreeMap<>();
        List<String> wrongAnswers = new ArrayList<>();
        for (HostileInputs.Attempt attempt : attempts) {
            RawHttp.Answer answer = RawHttp.send(attempt.method(), attempt.url(), attempt.contentType(), attempt.body(),
                    attempt.headers());
            tried.merge(attempt.endpoint(), 1, Integer::sum);
            if (!attempt.acceptable().test(answer)) {
                wrongAnswers.add(attempt.method() + " " + abbreviated(attempt.url(), 200) + " [" + attempt.what() + "] body "
                        + abbreviated(attempt.body() == null ? "" : new String(attempt.body(), StandardCharsets.UTF_8), 600)
                        + " -> " + answer);
            }
        }
        StoreSnapshot after = StoreSnapshot.settled(hotline);

        System.out.printf("%nHostile inputs tried, per endpoint (%d in all):%n", attempts.size());
        tried.forEach((endpoint, count) -> System.out.printf("  %5d  %s%n", count, endpoint));
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(wrongAnswers).as("requests not refused with a 4xx problem+json").isEmpty();
        softly.assertThat(after.withoutAuditLogs()).as("stores after the hostile requests")
                .isEqualTo(before.withoutAuditLogs());
        // The refusals themselves (bad, expired and foreign tokens among them) are in the audit logs.
        softly.assertThat(after.auditEntries()).as("audit entries after the hostile requests")
                .isGreaterThan(before.auditEntries());
        softly.assertThat(errorLinesSince(logOffsets)).as("ERROR lines the hostile requests left in the service logs")
                .isEmpty();
        softly.assertAll();
    }

    @Test
    void injectionTextInFreeTextIsStoredAsPlainTextAndReturnedEscaped(Hotline hotline) {
        String notes = "'); DROP TABLE contact; -- <script>alert('x')</script> \"quoted\" \\ & {{7*7}} ${jndi:ldap://x}";
        String fullName = "Robert'); DELETE FROM surrender_case; --";
        Map<String, Object> body = contact("INFORMATION", freshPhoneNumber(), "2025-05-21T10:00:00Z");
        body.put("details", new LinkedHashMap<>(Map.of("fullName", fullName, "notes", notes)));
        String id = Contacts.post(hotline.intakeUrl(), body).then().statusCode(201).extract().path("id");

        var read = given().baseUri(hotline.intakeUrl()).header("X-Access-Reason", "hostile input round trip")
                .get("/api/v1/contacts/{id}", id)
                .then().statusCode(200).contentType(ContentType.JSON).extract();

        // Served as JSON (never as HTML), with quotes and backslashes escaped by the JSON encoder.
        assertThat(read.body().asString()).contains("\\\"quoted\\\" \\\\ &");
        assertThat(Map.of("fullName", read.path("details.fullName"), "notes", read.path("details.notes")))
                .isEqualTo(Map.of("fullName", fullName, "notes", notes));
        given().baseUri(hotline.caseUrl()).get("/api/v1/cases").then().statusCode(200);
    }

    private static Map<Path, Long> logSizes(Hotline hotline) throws IOException {
        Map<Path, Long> sizes = new LinkedHashMap<>();
        for (Path log : hotline.serviceLogs()) {
            sizes.put(log, Files.size(log));
        }
        return sizes;
    }

    /**
     * The ERROR records written to the service logs after the given offsets (JSON lines, as
     * production writes them: {@link ServiceLog}).
     */
    static List<String> errorLinesSince(Map<Path, Long> offsets) {
        List<String> errors = new ArrayList<>();
        for (Map.Entry<Path, Long> log : offsets.entrySet()) {
            ServiceLog.recordsSince(log.getKey(), log.getValue()).stream()
                    .filter(record -> record.path("level").asText().equals("ERROR"))
                    .forEach(record -> errors.add(log.getKey().getFileName() + ": " + abbreviated(record.toString())));
        }
        return errors;
    }

    private static String abbreviated(String text) {
        return abbreviated(text, 200);
    }

    private static String abbreviated(String text, int length) {
        return text.length() > length ? text.substring(0, length) + "…(" + text.length() + " chars)" : text;
    }
}
