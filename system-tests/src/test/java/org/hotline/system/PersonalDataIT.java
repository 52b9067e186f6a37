package org.hotline.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hotline.stack.Tokens;
import org.hotline.system.RunningHotline.Hotline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.path.json.JsonPath;

/**
 * A case officer reads a man's personal data through case-service, which keeps none of it: his
 * own token goes on to intake, intake audits the read under his name (not case-service's, not
 * anyone else's), and case-service's log holds nothing of what passed through it.
 */
@ExtendWith(RunningHotline.class)
class PersonalDataIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void anOfficersReadThroughCaseServiceIsPassedOnWithHisTokenAndAuditedByIntakeAsHim(Hotline hotline) throws Exception {
        String canary = "canary" + UUID.randomUUID().toString().replace("-", "");
        String phone = Contacts.freshPhoneNumber();
        Map<String, Object> request = Contacts.contact("SURRENDER_REQUEST", phone,
                Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        request.put("details", Map.of("fullName", "Ivan " + canary, "unit", "unit " + canary,
                "location", "near " + canary, "notes", "brother " + canary));
        JsonPath created = Contacts.post(hotline.intakeUrl(), request).then().statusCode(201).extract().jsonPath();
        String contactId = created.getString("id");
        String reference = created.getString("caseReference");
        await().atMost(DEADLINE).untilAsserted(() -> given().baseUri(hotline.caseUrl())
                .get("/api/v1/cases/{reference}", reference).then().statusCode(200).body("contactCount", equalTo(1)));

        // An officer of his own, holding only his own role: the suite's token is "system-test" with every role.
        // His token is meant for case-service alone: intake takes it only with case-service's relay token.
        String officer = "officer-" + UUID.randomUUID().toString().substring(0, 8);
        String officersToken = RunningHotline.trustedTokens().withAudience(Tokens.CASES_AUDIENCE, officer, "case-officer");
        given().baseUri(hotline.intakeUrl()).auth().oauth2(officersToken).header("X-Access-Reason", "probing")
                .get("/api/v1/contacts/{id}", contactId).then().statusCode(401);
        assignAndAwaitIntake(hotline, reference, contactId, officer);
        JsonPath read = given().baseUri(hotline.caseUrl()).auth().oauth2(officersToken)
                .header("X-Access-Reason", "to arrange his exchange")
                .get("/api/v1/cases/{reference}/contacts/{contactId}/personal-data", reference, contactId)
                .then().statusCode(200).extract().jsonPath();

        assertThat(read.getString("id")).isEqualTo(contactId);
        assertThat(read.getString("caller.identifier")).isEqualTo(phone);
        assertThat(read.getString("details.fullName")).isEqualTo("Ivan " + canary);
        assertThat(read.getString("details.notes")).isEqualTo("brother " + canary);

        // Intake wrote its entry in the transaction of the read, before it answered: no waiting.
        List<Map<String, Object>> readsOfTheContact = audit(hotline.intakeUrl(), contactId).getList(
                "entries.findAll { it.action == 'personal-data.read' }");
        assertThat(readsOfTheContact).singleElement().satisfies(entry -> {
            assertThat(entry.get("actor")).isEqualTo(officer);
            assertThat(entry.get("subject")).isEqualTo(contactId);
            assertThat(entry.get("outcome")).isEqualTo("ok: assigned");
            // Case-service passes on the officer's reason inside its own (case and officer named).
            assertThat((Integer) entry.get("reasonLength")).isGreaterThan("to arrange his exchange".length());
        });
        // The officer's name reached intake in his token alone; by it he did this one thing there.
        List<Map<String, Object>> byTheOfficer = auditBy(hotline.intakeUrl(), officer).getList("entries");
        assertThat(byTheOfficer).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("action", "personal-data.read").containsEntry("subject", contactId));
        List<Map<String, Object>> requests = audit(hotline.caseUrl(), contactId)
                .getList("entries.findAll { it.action == 'personal-data.request' }");
        assertThat(requests).singleElement().satisfies(entry -> assertThat(entry).containsEntry("actor", officer)
                .containsEntry("outcome", "asked intake, case " + reference + ", ok: assigned"));

        // Control: the scan reads the file case-service writes its log to, and it has written to it
        // (JSON lines, searched field by field).
        assertThat(ServiceLog.records(hotline.cases().log())).isNotEmpty();
        String caseLog = ServiceLog.text(hotline.cases().log());
        StoreScan.assertNoneIn(hotline.cases().log().toString(), caseLog,
                List.of(canary, phone, phone.replaceAll("\\D", "")));
    }

    @Test
    void anOfficerTheCaseIsNotAssignedToIsRefusedByBothServicesAndEachRefusalIsAudited(Hotline hotline)
            throws Exception {
        JsonPath created = Contacts.post(hotline.intakeUrl(), Contacts.contact("SURRENDER_REQUEST",
                Contacts.freshPhoneNumber(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()))
                .then().statusCode(201).extract().jsonPath();
        String contactId = created.getString("id");
        String reference = created.getString("caseReference");
        await().atMost(DEADLINE).untilAsserted(() -> given().baseUri(hotline.caseUrl())
                .get("/api/v1/cases/{reference}", reference).then().statusCode(200));
        String assigned = "officer-" + UUID.randomUUID().toString().substring(0, 8);
        String stranger = "officer-" + UUID.randomUUID().toString().substring(0, 8);
        assignAndAwaitIntake(hotline, reference, contactId, assigned);
        String strangersToken = RunningHotline.trustedTokens().mint(stranger, "case-officer");

        given().baseUri(hotline.caseUrl()).auth().oauth2(strangersToken).header("X-Access-Reason", "curious")
                .get("/api/v1/cases/{reference}/contacts/{contactId}/personal-data", reference, contactId)
                .then().statusCode(403).contentType("application/problem+json");
        given().baseUri(hotline.caseUrl()).auth().oauth2(strangersToken)
                .get("/api/v1/cases/{reference}/history", reference)
                .then().statusCode(403).contentType("application/problem+json");
        // Straight to intake, round case-service: the same rule, from intake's own copy of the assignment.
        given().baseUri(hotline.intakeUrl()).auth().oauth2(strangersToken).header("X-Access-Reason", "curious")
                .get("/api/v1/contacts/{id}", contactId)
                .then().statusCode(403).contentType("application/problem+json");
        given().baseUri(hotline.intakeUrl()).auth().oauth2(RunningHotline.trustedTokens().mint(assigned,
                        "case-officer")).header("X-Access-Reason", "his exchange")
                .get("/api/v1/contacts/{id}", contactId).then().statusCode(200).body("id", equalTo(contactId));

        assertThat(auditBy(hotline.intakeUrl(), stranger).<Map<String, Object>>getList(
                "entries.findAll { it.action == 'personal-data.read' }")).singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry("outcome", "refused: not assigned")
                        .containsEntry("subject", contactId));
        assertThat(auditBy(hotline.caseUrl(), stranger).<Map<String, Object>>getList(
                "entries.findAll { it.action != 'http.refused' }")).extracting(entry -> entry.get("action") + " "
                + entry.get("outcome")).containsExactlyInAnyOrder(
                        "personal-data.request refused: not assigned, case " + reference,
                        "case.history.read refused: not assigned");
        assertThat(auditBy(hotline.intakeUrl(), assigned).<Map<String, Object>>getList("entries")).singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry("outcome", "ok: assigned"));
    }

    /**
     * Assigns the case to the officer, as a supervisor does, and waits until intake has applied the
     * assignment (read from its database, since asking through the API would audit a refusal).
     */
    private static void assignAndAwaitIntake(Hotline hotline, String reference, String contactId, String officer)
            throws Exception {
        given().baseUri(hotline.caseUrl()).auth().oauth2(RunningHotline.trustedTokens().mint("supervisor-it",
                        "supervisor")).contentType("application/json").body(Map.of("officer", officer))
                .put("/api/v1/cases/{reference}/assignee", reference).then().statusCode(200);
        await().atMost(DEADLINE).until(() -> {
            try (Connection connection = hotline.postgres().connect("intake");
                    PreparedStatement query = connection.prepareStatement("select count(*) from case_contact l"
                            + " join case_assignee a on a.case_id = l.case_id"
                            + " where l.contact_id = cast(? as uuid) and a.officer = ?")) {
                query.setString(1, contactId);
                query.setString(2, officer);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() && rows.getLong(1) == 1;
                }
            }
        });
    }

    /** A service's audit entries about {@code subject}, read with the suite's admin token. */
    private static JsonPath audit(String baseUrl, String subject) {
        return given().baseUri(baseUrl).queryParam("subject", subject).queryParam("size", 500)
                .get("/api/v1/admin/audit").then().statusCode(200).extract().jsonPath();
    }

    /** A service's audit entries with {@code actor} as the actor. */
    private static JsonPath auditBy(String baseUrl, String actor) {
        return given().baseUri(baseUrl).queryParam("actor", actor).queryParam("size", 500)
                .get("/api/v1/admin/audit").then().statusCode(200).extract().jsonPath();
    }
}
