package org.hotline.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hotline.audit.trust.RelayTokens;
import org.hotline.audit.trust.TokenAudienceConfig;
import org.hotline.events.CaseAssigned;
import org.hotline.events.CaseContactLinked;
import org.hotline.events.CaseReference;
import org.hotline.events.Purpose;
import org.hotline.intake.Contacts;
import org.hotline.intake.IntakeDatabase;
import org.hotline.problem.Roles;
import org.hotline.stack.Tokens;
import org.hotline.testing.AuditTrail;
import org.hotline.testing.AuditTrail.Entry;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Need to know at intake, so that no route around case-service opens a contact: a case officer
 * reads a contact's personal data only when the contact is on a case assigned to him or his team,
 * as case-service's {@code CaseAssigned.v1} (sent here through the real broker) says; a supervisor
 * reads any contact, an information call on no case included, with a reason. Every read and
 * refusal is audited.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class NeedToKnowTest {

    private static final Tokens TOKENS = Tokens.forTests();
    private static final AuditTrail AUDIT = AuditTrail.of("intake");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String REASON = "to tell his mother he is alive";

    private final String assigned = "officer-" + UUID.randomUUID();
    private final String stranger = "officer-" + UUID.randomUUID();
    private final String team = "team-" + UUID.randomUUID();
    private final String supervisor = "supervisor-" + UUID.randomUUID();
    private final UUID caseId = UUID.randomUUID();
    private final String reference = CaseReference.generate(RANDOM, CaseReference.Issuer.CASE_SERVICE);

    @Test
    void theAssignedOfficerReadsAndAnUnassignedOneGets403BothAudited() {
        String contact = recorded("SURRENDER_REQUEST");
        assign(2, assigned, null, contact);
        awaitReadable(assigned, null, contact);

        read(stranger, null, contact).then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("no case assigned to you"));

        assertThat(AUDIT.about(contact)).containsExactly(
                new Entry(assigned, "personal-data.read", contact, REASON.length(), "ok: assigned"),
                new Entry(stranger, "personal-data.read", contact, REASON.length(), "refused: not assigned"));
        AUDIT.awaitEntry(new Entry(stranger, "http.refused", "GET /api/v1/contacts/" + contact, null,
                "refused-403"));
    }

    @Test
    void aMemberOfTheAssignedTeamReadsAndAMemberOfAnotherTeamDoesNot() {
        String contact = recorded("SURRENDER_REQUEST");
        assign(2, null, team, contact);
        awaitReadable(stranger, team, contact);

        read(assigned, "team-" + UUID.randomUUID(), contact).then().statusCode(403);

        assertThat(AUDIT.about(contact)).containsExactly(
                new Entry(stranger, "personal-data.read", contact, REASON.length(), "ok: team"),
                new Entry(assigned, "personal-data.read", contact, REASON.length(), "refused: not assigned"));
    }

    @Test
    void anInformationCallOnNoCaseIsReadOnlyByASupervisorWithAReason() {
        String contact = recorded("INFORMATION");

        read(assigned, team, contact).then().statusCode(403);
        given().auth().oauth2(TOKENS.mint(supervisor, Roles.SUPERVISOR)).get("/api/v1/contacts/{id}", contact)
                .then().statusCode(400).body("errors.field", equalTo(List.of("X-Access-Reason")));
        given().auth().oauth2(TOKENS.mint(supervisor, Roles.SUPERVISOR)).header("X-Access-Reason", REASON)
                .get("/api/v1/contacts/{id}", contact).then().statusCode(200).body("id", equalTo(contact));

        assertThat(AUDIT.about(contact)).containsExactly(
                new Entry(assigned, "personal-data.read", contact, REASON.length(), "refused: not assigned"),
                new Entry(supervisor, "personal-data.read", contact, REASON.length(), "ok: supervisor"));
    }

    @Test
    void aContactLinkedAfterTheAssignmentIsReadableAndAReassignmentTakesTheCaseAway() {
        String request = recorded("SURRENDER_REQUEST");
        String followUp = recorded("INFORMATION");
        assign(2, assigned, null, request);
        RealInfrastructure.kafka().publish(List.of(new CaseContactLinked(UUID.randomUUID(), caseId, reference, 3,
                Instant.now(), UUID.fromString(followUp), Purpose.FOLLOW_UP, 2)));
        awaitReadable(assigned, null, followUp);

        // Then an older assignment (version 2) comes after the newer one (version 4): it must not undo it.
        CaseAssigned stale = new CaseAssigned(UUID.randomUUID(), caseId, reference, 2, Instant.now(), assigned, null,
                List.of(UUID.fromString(request)));
        RealInfrastructure.kafka().publish(List.of(
                new CaseAssigned(UUID.randomUUID(), caseId, reference, 4, Instant.now(), stranger, null,
                        List.of(UUID.fromString(request), UUID.fromString(followUp))),
                stale));
        await().atMost(Duration.ofSeconds(60)).until(() -> IntakeDatabase.count(
                "select count(*) from processed_event where event_id = ?", stale.eventId()) == 1);
        awaitReadable(stranger, null, request);

        read(assigned, null, request).then().statusCode(403);
        read(assigned, null, followUp).then().statusCode(403);
    }

    @Test
    void theAssignedOfficerTooGivesAReason() {
        String contact = recorded("SURRENDER_REQUEST");
        assign(2, assigned, null, contact);
        awaitReadable(assigned, null, contact);

        given().auth().oauth2(TOKENS.mint(assigned, Roles.CASE_OFFICER)).get("/api/v1/contacts/{id}", contact)
                .then().statusCode(400).body("errors.field", equalTo(List.of("X-Access-Reason")));
    }

    @Test
    void caseServiceRelaysTheAssignedOfficersOwnTokenWhichAloneOrWithAnotherRelayIsRefused() {
        String contact = recorded("SURRENDER_REQUEST");
        assign(2, assigned, null, contact);
        awaitReadable(assigned, null, contact);
        // What case-service sends: the officer's token, meant for case-service alone, and its relay token for it.
        String officersToken = TOKENS.withAudience(Tokens.CASES_AUDIENCE, assigned, Roles.CASE_OFFICER);
        RelayTokens caseService = relayTokensOf(Tokens.CASES_AUDIENCE);

        given().auth().oauth2(officersToken).header(RelayTokens.HEADER, caseService.mintFor(officersToken).orElseThrow())
                .header("X-Access-Reason", REASON).get("/api/v1/contacts/{id}", contact)
                .then().statusCode(200).body("id", equalTo(contact));
        given().auth().oauth2(officersToken).header("X-Access-Reason", REASON).get("/api/v1/contacts/{id}", contact)
                .then().statusCode(401);
        String anotherToken = TOKENS.withAudience(Tokens.CASES_AUDIENCE, assigned, Roles.CASE_OFFICER);
        given().auth().oauth2(officersToken).header(RelayTokens.HEADER, caseService.mintFor(anotherToken).orElseThrow())
                .header("X-Access-Reason", REASON).get("/api/v1/contacts/{id}", contact)
                .then().statusCode(401);
        // Signed by intake's own key instead of case-service's: not case-service's word.
        given().auth().oauth2(officersToken)
                .header(RelayTokens.HEADER, relayTokensOf(Tokens.INTAKE_AUDIENCE).mintFor(officersToken).orElseThrow())
                .header("X-Access-Reason", REASON).get("/api/v1/contacts/{id}", contact)
                .then().statusCode(401);

        // The relayed read is the officer's, audited under his name; the refused ones never reached the store.
        assertThat(AUDIT.about(contact)).containsExactly(
                new Entry(assigned, "personal-data.read", contact, REASON.length(), "ok: assigned"),
                new Entry(assigned, "personal-data.read", contact, REASON.length(), "ok: assigned"));
    }

    /** The relay tokens the service with audience {@code own} sends, with the keys the tests hand it. */
    private static RelayTokens relayTokensOf(String own) {
        Map<String, String> settings = TOKENS.verification(own);
        return new RelayTokens(new TokenAudienceConfig() {
            @Override
            public String audience() {
                return own;
            }

            @Override
            public Relay relay() {
                return new Relay() {
                    @Override
                    public Optional<String> peer() {
                        return Optional.of(settings.get("hotline.tokens.relay.peer"));
                    }

                    @Override
                    public Optional<String> peerKey() {
                        return Optional.of(settings.get("hotline.tokens.relay.peer-key"));
                    }

                    @Override
                    public Optional<String> signingKey() {
                        return Optional.of(settings.get("hotline.tokens.relay.signing-key"));
                    }

                    @Override
                    public Duration lifetime() {
                        return Duration.ofSeconds(60);
                    }
                };
            }
        });
    }

    private void assign(long version, String officer, String assignedTeam, String contact) {
        RealInfrastructure.kafka().publish(List.of(new CaseAssigned(UUID.randomUUID(), caseId, reference, version,
                Instant.now(), officer, assignedTeam, List.of(UUID.fromString(contact)))));
    }

    /**
     * Polls intake's store until the events that let the officer read the contact are applied, and
     * then reads: polling through the API would put a refusal in the audit log for every poll.
     */
    private static void awaitReadable(String officer, String team, String contact) {
        await().atMost(Duration.ofSeconds(60)).until(() -> IntakeDatabase.count("""
                select count(*) from case_contact l join case_assignee a on a.case_id = l.case_id
                where l.contact_id = cast(? as uuid) and (a.officer = ? or a.team = ?)""",
                contact, officer, team == null ? "" : team) > 0);
        read(officer, team, contact).then().statusCode(200).body("id", equalTo(contact));
    }

    private static Response read(String officer, String team, String contact) {
        String token = team == null ? TOKENS.mint(officer, Roles.CASE_OFFICER)
                : TOKENS.mintInTeam(team, officer, Roles.CASE_OFFICER);
        return given().auth().oauth2(token).header("X-Access-Reason", REASON).get("/api/v1/contacts/{id}", contact);
    }

    private static String recorded(String purpose) {
        return given().auth().oauth2(TOKENS.mint("operator-ntk", Roles.OPERATOR)).contentType(ContentType.JSON)
                .body("""
                        {"channel": "PHONE", "purpose": "%s", "origin": "RU",
                         "caller": {"identifier": "%s", "role": "SERVICEMAN"}}""".formatted(purpose,
                        Contacts.freshPhoneNumber()))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }
}
