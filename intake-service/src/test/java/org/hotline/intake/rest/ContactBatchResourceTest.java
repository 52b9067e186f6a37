package org.hotline.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.UUID;

import org.hotline.events.CaseReference;
import org.hotline.events.ContactRecorded;
import org.hotline.events.EventJson;
import org.hotline.intake.Contacts;
import org.hotline.intake.ContactsTopic;
import org.hotline.intake.FakeCaseService;
import org.hotline.intake.IntakeDatabase;
import org.hotline.problem.Problem.FieldError;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import org.hotline.problem.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestSecurity(user = "operator-3", roles = { Roles.OPERATOR, Roles.CASE_OFFICER })
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@WithTestResource(FakeCaseService.class)
class ContactBatchResourceTest {

    @Test
    void eachLineIsAnsweredOnItsOwnAndOnlyGoodLinesAreStored() {
        String good = Contacts.freshPhoneNumber();
        String alsoGood = Contacts.freshPhoneNumber();
        String badChannel = Contacts.freshPhoneNumber();
        String body = String.join("\n",
                line("PHONE", "SURRENDER_REQUEST", good),
                line("FAX", "INFORMATION", badChannel),
                "{\"channel\": \"PHONE\",",
                "",
                line("WEB_FORM", "INFORMATION", alsoGood) + "\n");

        BatchResult result = post(body).statusCode(200).extract().as(BatchResult.class);

        assertThat(result.accepted()).isEqualTo(2);
        assertThat(result.refused()).isEqualTo(2);
        assertThat(result.results()).extracting(LineResult::line, LineResult::status)
                .containsExactly(tuple(1, 201), tuple(2, 400),
                        tuple(3, 400), tuple(5, 201));
        assertThat(result.results().get(1).errors())
                .containsExactly(new FieldError("channel", "must be one of [PHONE, CHAT_BOT, WEB_FORM]"));
        assertThat(result.results().get(2).errors()).containsExactly(new FieldError("body", "is not valid JSON"));
        assertThat(result.results().get(0).caseReference()).isNotNull();
        assertThat(contactsOf(good)).isEqualTo(1);
        assertThat(contactsOf(alsoGood)).isEqualTo(1);
        assertThat(contactsOf(badChannel)).isZero();
    }

    @Test
    void acceptedLinesGoThroughTheOutboxLikeSingleContacts() {
        String body = line("CHAT_BOT", "SURRENDER_REQUEST", Contacts.freshPhoneNumber()) + "\n"
                + line("PHONE", "NON_DATA", Contacts.freshPhoneNumber());

        BatchResult result = post(body).statusCode(200).extract().as(BatchResult.class);

        for (LineResult line : result.results()) {
            ContactRecorded event = (ContactRecorded) EventJson.read(ContactsTopic.recordFor(line.id()).value());
            assertThat(event.contactId()).isEqualTo(line.id());
            assertThat(event.caseReference()).isEqualTo(line.caseReference());
        }
        assertThat(result.results()).extracting(LineResult::id).doesNotContainNull();
    }

    @Test
    void aLineNamingAnUnknownReferenceIsRefusedAsASinglePostWouldBe() {
        String caller = Contacts.freshPhoneNumber();
        String body = """
                {"channel": "PHONE", "purpose": "FOLLOW_UP", "caseReference": "%s", "caller": {"identifier": "%s", "role": "RELATIVE"}}
                """.formatted(CaseReference.generate(new SecureRandom(), CaseReference.Issuer.CASE_SERVICE), caller);

        BatchResult result = post(body).statusCode(200).extract().as(BatchResult.class);

        assertThat(result.results()).singleElement().satisfies(line -> {
            assertThat(line.status()).isEqualTo(422);
            assertThat(line.errors()).extracting(FieldError::field).containsExactly("caseReference");
        });
        assertThat(contactsOf(caller)).isZero();
    }

    @Test
    void aLineNamingAReferenceAnEarlierImportIssuedIsAcceptedThoughCaseServiceHasNotOpenedItYet() {
        String man = Contacts.freshPhoneNumber();
        String issued = post(line("PHONE", "SURRENDER_REQUEST", man)).statusCode(200)
                .extract().as(BatchResult.class).results().get(0).caseReference();
        String relative = Contacts.freshPhoneNumber();
        String unknownRelative = Contacts.freshPhoneNumber();
        // The case-service stand-in knows neither reference: only intake's own records vouch for the first.
        String body = """
                {"channel": "PHONE", "purpose": "FOLLOW_UP", "caseReference": "%s", "caller": {"identifier": "%s", "role": "RELATIVE"}}
                {"channel": "PHONE", "purpose": "FOLLOW_UP", "caseReference": "%s", "caller": {"identifier": "%s", "role": "RELATIVE"}}
                """.formatted(issued, relative,
                CaseReference.generate(new SecureRandom(), CaseReference.Issuer.CASE_SERVICE), unknownRelative);

        BatchResult result = post(body).statusCode(200).extract().as(BatchResult.class);

        assertThat(result.results()).extracting(LineResult::line, LineResult::status, LineResult::caseReference)
                .containsExactly(tuple(1, 201, issued), tuple(2, 422, null));
        assertThat(contactsOf(relative)).isEqualTo(1);
        assertThat(contactsOf(unknownRelative)).isZero();
    }

    @Test
    void aLineThatIsNotUtf8IsRefusedAlone() {
        String good = Contacts.freshPhoneNumber();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(line("PHONE", "INFORMATION", good).getBytes(StandardCharsets.UTF_8));
        body.writeBytes("\n{\"channel\": \"PHONE\", \"notes\": \"".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] { (byte) 0xC3, (byte) 0x28 });
        body.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));

        BatchResult result = given().contentType("application/x-ndjson").body(body.toByteArray())
                .when().post("/api/v1/contacts:batch").then().statusCode(200).extract().as(BatchResult.class);

        assertThat(result.results()).extracting(LineResult::status).containsExactly(201, 400);
        assertThat(result.results().get(1).errors()).containsExactly(new FieldError("body", "is not valid UTF-8"));
    }

    @Test
    void aRetriedImportWithTheSameKeyStoresNothingTwice() {
        String key = UUID.randomUUID().toString();
        String caller = Contacts.freshPhoneNumber();
        String body = line("PHONE", "SURRENDER_REQUEST", caller) + "\n" + line("PHONE", "PIGEON", caller);

        String first = post(body, key).statusCode(200).extract().asString();
        String retry = post(body, key).statusCode(200).extract().asString();
        post(body.replace("PIGEON", "INFORMATION"), key).statusCode(422).contentType("application/problem+json");

        assertThat(retry).isEqualTo(first);
        assertThat(contactsOf(caller)).isEqualTo(1);
    }

    @Test
    void anImportCutShortAndSentAgainKeepsItsStoredLinesAndRefusesAChangedOne() {
        String key = UUID.randomUUID().toString();
        String caller = Contacts.freshPhoneNumber();
        String body = line("PHONE", "SURRENDER_REQUEST", caller) + "\n" + line("PHONE", "INFORMATION", caller);
        BatchResult first = post(body, key).statusCode(200).extract().as(BatchResult.class);
        // As if intake had stopped after storing the lines but before answering the whole import.
        IntakeDatabase.count("""
                with cut as (delete from idempotency_key where key = ? returning 1) select count(*) from cut""",
                "batch:operator-3:" + key);

        BatchResult retry = post(line("PHONE", "SURRENDER_REQUEST", caller) + "\n"
                + line("CHAT_BOT", "INFORMATION", caller), key).statusCode(200).extract().as(BatchResult.class);

        assertThat(retry.results().get(0)).isEqualTo(first.results().get(0));
        assertThat(retry.results().get(1).status()).isEqualTo(422);
        assertThat(retry.results().get(1).errors()).extracting(FieldError::field).containsExactly("Idempotency-Key");
        assertThat(contactsOf(caller)).isEqualTo(2);
    }

    @Test
    void moreLinesThanAllowedAreRefusedWhole() {
        String caller = Contacts.freshPhoneNumber();
        String body = (line("PHONE", "INFORMATION", caller) + "\n").repeat(10_001);

        post(body).statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("at most 10000 contacts"));

        assertThat(contactsOf(caller)).isZero();
    }

    @Test
    void aFullSizeImportIsAccepted() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            body.append(line("PHONE", i % 10 == 0 ? "SURRENDER_REQUEST" : "INFORMATION", Contacts.freshPhoneNumber()))
                    .append('\n');
        }

        post(body.toString()).statusCode(200).body("accepted", equalTo(10_000));
    }

    @Test
    void anEmptyImportIsABadRequest() {
        post("\n\n").statusCode(400).contentType("application/problem+json");
    }

    private static String line(String channel, String purpose, String caller) {
        return """
                {"channel": "%s", "purpose": "%s", "origin": "RU", "receivedAt": "2022-11-05T18:00:00Z", \
                "caller": {"identifier": "%s", "role": "SERVICEMAN"}}""".formatted(channel, purpose, caller);
    }

    private static ValidatableResponse post(String body) {
        return given().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/contacts:batch").then().log().ifValidationFails();
    }

    private static ValidatableResponse post(String body, String key) {
        return given().contentType("application/x-ndjson").header("Idempotency-Key", key).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/contacts:batch").then();
    }

    private static long contactsOf(String phoneNumber) {
        return IntakeDatabase.contactsOf(phoneNumber);
    }
}
