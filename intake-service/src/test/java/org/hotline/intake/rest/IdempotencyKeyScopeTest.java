package org.hotline.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

import org.hotline.intake.Contacts;
import org.hotline.intake.FakeCaseService;
import org.hotline.intake.IntakeDatabase;
import org.hotline.intake.service.RequestFingerprints;
import org.hotline.problem.Roles;
import org.hotline.stack.Tokens;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/**
 * An Idempotency-Key belongs to the token subject that sent it, and what is kept of the request is
 * a keyed fingerprint, not a hash anyone could recompute from a guessed phone number.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@WithTestResource(FakeCaseService.class)
class IdempotencyKeyScopeTest {

    private static final Tokens TOKENS = Tokens.forTests();

    @Inject
    ObjectMapper json;

    @Inject
    RequestFingerprints fingerprints;

    @Test
    void theSameKeyAndBodyFromTheSameSubjectGetTheFirstAnswer() {
        String key = UUID.randomUUID().toString();
        String phoneNumber = Contacts.freshPhoneNumber();

        String first = post("operator-a", key, Contacts.surrenderRequest(phoneNumber)).statusCode(201).extract().asString();
        String retry = post("operator-a", key, Contacts.surrenderRequest(phoneNumber)).statusCode(201).extract().asString();

        assertThat(retry).isEqualTo(first);
        assertThat(IntakeDatabase.contactsOf(phoneNumber)).isEqualTo(1);
    }

    @Test
    void theSameKeyFromAnotherSubjectIsAnotherKeyAndNeverGetsTheFirstSubjectsAnswer() {
        String key = UUID.randomUUID().toString();
        String phoneNumber = Contacts.freshPhoneNumber();
        String body = Contacts.surrenderRequest(phoneNumber);

        String firstOfA = post("operator-a", key, body).statusCode(201).extract().path("id");
        String firstOfB = post("operator-b", key, body).statusCode(201).extract().path("id");
        String retryOfA = post("operator-a", key, body).statusCode(201).extract().path("id");
        String retryOfB = post("operator-b", key, body).statusCode(201).extract().path("id");

        assertThat(firstOfB).isNotEqualTo(firstOfA);
        assertThat(retryOfA).isEqualTo(firstOfA);
        assertThat(retryOfB).isEqualTo(firstOfB);
        assertThat(IntakeDatabase.contactsOf(phoneNumber)).isEqualTo(2);
    }

    @Test
    void theStoredFingerprintIsKeyedAndBoundToTheSubjectNotThePlainHashOfTheBody() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = Contacts.surrenderRequest(Contacts.freshPhoneNumber());
        post("operator-a", key, body).statusCode(201);
        String storedKey = "contact:operator-a:" + key;
        // What the service fingerprints: the request as understood, written back.
        byte[] understood = json.writeValueAsBytes(json.readValue(body, NewContactRequest.class));

        String stored = IntakeDatabase.text("select request_fingerprint from idempotency_key where key = ?", storedKey);

        assertThat(stored).isEqualTo(fingerprints.of(storedKey, understood))
                .isNotEqualTo(sha256(understood))
                .isNotEqualTo(sha256(body.getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(fingerprints.of("contact:operator-b:" + key, understood));
    }

    private static ValidatableResponse post(String operator, String key, String body) {
        return given().auth().oauth2(TOKENS.mint(operator, Roles.OPERATOR)).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body).when().post("/api/v1/contacts").then();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
