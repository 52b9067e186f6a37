package org.hotline.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.hotline.intake.Contacts;
import org.hotline.intake.FakeCaseService;
import org.hotline.intake.IntakeDatabase;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import org.hotline.problem.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
@TestSecurity(user = "operator-3", roles = { Roles.OPERATOR, Roles.CASE_OFFICER })
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@WithTestResource(FakeCaseService.class)
class IdempotencyKeyTest {

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswerAndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        String phoneNumber = Contacts.freshPhoneNumber();

        ExtractableResponse<Response> first = post(key, Contacts.surrenderRequest(phoneNumber)).statusCode(201).extract();
        // The same request, spaced differently: still the same request.
        ExtractableResponse<Response> retry = post(key, Contacts.surrenderRequest(phoneNumber).replace(", ", ",    "))
                .statusCode(201).extract();

        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(contactsOf(phoneNumber)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithADifferentBodyIsUnprocessableAndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        String firstCaller = Contacts.freshPhoneNumber();
        String secondCaller = Contacts.freshPhoneNumber();
        post(key, Contacts.surrenderRequest(firstCaller)).statusCode(201);

        post(key, Contacts.surrenderRequest(secondCaller))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("Idempotency-Key")));

        assertThat(contactsOf(secondCaller)).isZero();
    }

    @Test
    void withoutAKeyTheSameBodyTwiceIsTwoContacts() {
        String phoneNumber = Contacts.freshPhoneNumber();

        Contacts.post(Contacts.surrenderRequest(phoneNumber)).statusCode(201);
        Contacts.post(Contacts.surrenderRequest(phoneNumber)).statusCode(201);

        assertThat(contactsOf(phoneNumber)).isEqualTo(2);
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOneContact() throws Exception {
        String key = UUID.randomUUID().toString();
        String phoneNumber = Contacts.freshPhoneNumber();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<String>> answers = IntStream.range(0, 8)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> post(key, Contacts.surrenderRequest(phoneNumber))
                            .statusCode(201).extract().<String>path("id"), pool))
                    .toList();

            assertThat(answers.stream().map(CompletableFuture::join).distinct()).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(contactsOf(phoneNumber)).isEqualTo(1);
    }

    @Test
    void anExpiredKeyStartsANewRequest() {
        String key = UUID.randomUUID().toString();
        String phoneNumber = Contacts.freshPhoneNumber();
        post(key, Contacts.surrenderRequest(phoneNumber)).statusCode(201);
        IntakeDatabase.count("""
                with aged as (update idempotency_key set created_at = created_at - interval '25 hours'
                              where key = ? returning 1) select count(*) from aged""", "contact:operator-3:" + key);

        post(key, Contacts.surrenderRequest(phoneNumber)).statusCode(201);

        assertThat(contactsOf(phoneNumber)).isEqualTo(2);
    }

    @Test
    void aKeyOverTheLengthLimitIsABadRequest() {
        post("k".repeat(201), Contacts.surrenderRequest(Contacts.freshPhoneNumber()))
                .statusCode(400)
                .body("errors.field", equalTo(List.of("Idempotency-Key")));
    }

    private static io.restassured.response.ValidatableResponse post(String key, String body) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/contacts").then();
    }

    private static long contactsOf(String phoneNumber) {
        return IntakeDatabase.contactsOf(phoneNumber);
    }
}
