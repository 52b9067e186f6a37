package org.hotline.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.system.Contacts.contact;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hotline.system.RunningHotline.Hotline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A caller who is identified can be killed for trying to surrender. Canary values, unique to this
 * run, are planted in every personal field of 50 contacts (surrender requests, so cases open, and
 * follow-ups on them); once cases and stats hold those contacts, no canary may be found in any
 * Kafka record (key, value, headers; every topic the broker has), in any table of the case or
 * stats database, in clear in intake's database (it holds them sealed), or in any log. Nor may
 * any secret the stack gave the services, or a bearer token, be in a log.
 */
@ExtendWith(RunningHotline.class)
class CanaryLeakIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SURRENDER_REQUESTS = 30;
    private static final int FOLLOW_UPS = 20;
    /** A day no other system test posts contacts on, so the stats can be awaited exactly. */
    private static final String DAY = "2025-02-17";
    /** The other test's day, so that its contacts do not change this one's count. */
    private static final String OTHER_DAY = "2025-02-18";

    @Test
    void noCanaryReachesTopicsOtherDatabasesIntakeInClearOrLogs(Hotline hotline) throws Exception {
        Map<String, List<String>> canaries = new LinkedHashMap<>();
        List<String> references = new ArrayList<>();
        List<String> contactIds = new ArrayList<>();
        for (int i = 0; i < SURRENDER_REQUESTS; i++) {
            var created = Contacts.post(hotline.intakeUrl(), cannedContact("SURRENDER_REQUEST", null, i, canaries))
                    .then().statusCode(201).extract();
            references.add(created.path("caseReference"));
            contactIds.add(created.path("id"));
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (String reference : references) {
                given().baseUri(hotline.caseUrl()).get("/api/v1/cases/{reference}", reference).then().statusCode(200);
            }
        });
        for (int i = 0; i < FOLLOW_UPS; i++) {
            Contacts.post(hotline.intakeUrl(),
                    cannedContact("FOLLOW_UP", references.get(i), SURRENDER_REQUESTS + i, canaries))
                    .then().statusCode(201);
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
                Stats.dayTotal(hotline, "contacts", DAY)).isEqualTo(SURRENDER_REQUESTS + FOLLOW_UPS));
        List<String> planted = canaries.values().stream().flatMap(List::stream).toList();
        assertThat(planted).hasSize((SURRENDER_REQUESTS + FOLLOW_UPS) * 8).doesNotHaveDuplicates();

        // Sealed, not lost: the scan below can only pass because the data is not there in clear.
        String notes = canaries.get("notes").get(0);
        given().baseUri(hotline.intakeUrl()).header("X-Access-Reason", "canary leak test")
                .get("/api/v1/contacts/{id}", contactIds.get(0))
                .then().statusCode(200).body("details.notes", org.hamcrest.Matchers.containsString(notes));

        String intakeText = StoreScan.databaseText(hotline, "intake");
        String casesText = StoreScan.databaseText(hotline, "cases");
        String contactsTopic = StoreScan.topicText(hotline, org.hotline.events.Topics.CONTACTS);
        // Controls: the case references are not personal data and must be found by the same scans,
        // or a scan that read nothing would pass.
        assertThat(List.of(intakeText, casesText, contactsTopic))
                .allSatisfy(text -> assertThat(text).contains(references));

        StoreScan.assertNoneIn("intake's database in clear", intakeText, planted);
        StoreScan.assertNoneIn("database cases", casesText, planted);
        StoreScan.assertNoneIn("database stats", StoreScan.databaseText(hotline, "stats"), planted);
        for (String topic : StoreScan.everyTopic(hotline)) {
            StoreScan.assertNoneIn("topic " + topic, StoreScan.topicText(hotline, topic), planted);
        }
        for (Path log : StoreScan.everyLog(hotline)) {
            StoreScan.assertNoneIn(log.toString(), Files.readString(log, StandardCharsets.ISO_8859_1), planted);
        }
    }

    @Test
    void noSecretOrTokenIsLogged(Hotline hotline) throws Exception {
        // At least one request of each kind that carries a token to each service, and one that
        // intake passes on to case-service (a follow-up), so that a logged header would show.
        var created = Contacts.post(hotline.intakeUrl(), contact("SURRENDER_REQUEST", Contacts.freshPhoneNumber(),
                OTHER_DAY + "T09:00:00Z")).then().statusCode(201).extract();
        String reference = created.path("caseReference");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(hotline.caseUrl())
                .get("/api/v1/cases/{reference}", reference).then().statusCode(200));
        Map<String, Object> followUp = contact("FOLLOW_UP", Contacts.freshPhoneNumber(), OTHER_DAY + "T09:05:00Z");
        followUp.put("caseReference", reference);
        Contacts.post(hotline.intakeUrl(), followUp).then().statusCode(201);
        given().baseUri(hotline.statsUrl()).get("/api/v1/stats/summary").then().statusCode(200);
        String refused = RunningHotline.trustedTokens().expired("canary", "operator");
        given().baseUri(hotline.intakeUrl()).auth().oauth2(refused).contentType("application/json").body("{}")
                .post("/api/v1/contacts").then().statusCode(401);

        String token = System.getProperty(RunningHotline.TOKEN_PROPERTY);
        List<String> secrets = new ArrayList<>(List.of(
                hotline.secrets().callerKeySecret(),
                hotline.secrets().personalDataMasterKey(),
                hotline.secrets().caseTextMasterKey(),
                token, signatureOf(token), refused, signatureOf(refused)));
        // The signing key, line by line as any dump of the PEM would show it.
        Path privateKey = hotline.home().resolve("secrets/jwt/private-key.pem");
        Files.readAllLines(privateKey).stream().filter(line -> !line.startsWith("-----") && line.length() >= 32)
                .forEach(secrets::add);
        assertThat(secrets).hasSizeGreaterThan(8).allMatch(secret -> secret.length() >= 32);

        for (Path log : StoreScan.everyLog(hotline)) {
            StoreScan.assertNoneIn(log.toString(), Files.readString(log, StandardCharsets.ISO_8859_1), secrets);
        }
    }

    /**
     * A contact whose every personal field holds a canary of its own: phone digits no other test
     * uses (spelt as typed and as digits, E.164 with and without "+"), and a random word in the
     * name, unit, location and notes.
     */
    private static Map<String, Object> cannedContact(String purpose, String reference, int n,
            Map<String, List<String>> canaries) {
        String phone = Contacts.freshPhoneNumber();
        String digits = phone.replaceAll("\\D", "");
        Map<String, String> fields = Map.of("fullName", "Ivan Canary" + word(), "unit", "unit " + word(),
                "location", "village " + word(), "notes", "hiding near the river " + word());
        canaries.computeIfAbsent("identifier", k -> new ArrayList<>()).addAll(List.of(phone, digits, "+" + digits));
        canaries.computeIfAbsent("identifier-national", k -> new ArrayList<>()).add(digits.substring(1));
        fields.forEach((field, value) -> canaries.computeIfAbsent(field, k -> new ArrayList<>())
                .add(value.substring(value.lastIndexOf(' ') + 1)));
        Map<String, Object> body = contact(purpose, phone, DAY + "T%02d:%02d:00Z".formatted(10 + n / 60, n % 60));
        if (reference != null) {
            body.put("caseReference", reference);
        }
        body.put("details", new LinkedHashMap<>(fields));
        return body;
    }

    /** 16 random hex digits behind a marker: found only where a canary was copied. */
    private static String word() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return "cnry" + HexFormat.of().formatHex(bytes);
    }

    private static String signatureOf(String jwt) {
        return jwt.substring(jwt.lastIndexOf('.') + 1);
    }
}
