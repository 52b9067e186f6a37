package org.hotline.intake.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.events.CallerErased;
import org.hotline.events.EventJson;
import org.hotline.intake.Contacts;
import org.hotline.intake.ErasuresTopic;
import org.hotline.intake.IntakeDatabase;
import org.hotline.problem.Roles;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;

/**
 * A caller's pseudonym is random, found again only through the blind index in intake's database,
 * and forgotten with it: after an erasure the same phone is a new caller.
 */
@QuarkusTest
@TestSecurity(user = "pseudonym-test", roles = { Roles.OPERATOR, Roles.CASE_OFFICER, Roles.ADMIN })
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class CallerPseudonymsTest {

    @Inject
    BlindIndex blindIndex;

    @Test
    void everySpellingOfOneNumberLeadsToOneRandomPseudonym() {
        String number = Contacts.freshPhoneNumber(); // +79XXXXXXXXX
        String national = "8 " + number.substring(2, 5) + " " + number.substring(5, 8) + "-" + number.substring(8, 10)
                + "-" + number.substring(10);
        String spaced = "+7 (" + number.substring(2, 5) + ") " + number.substring(5);

        Set<String> keys = Set.copyOf(List.of(callerKeyOf(number), callerKeyOf(national), callerKeyOf(spaced),
                callerKeyOf(number)));

        assertThat(keys).hasSize(1);
        String pseudonym = keys.iterator().next();
        assertThat(pseudonym).matches("p-[0-9a-f]{32}");
        // Nothing computable from the number: the blind index is its only link, and it stays in intake.
        assertThat(pseudonym).doesNotContain(blindIndex.of(number).substring(3, 20));
        assertThat(IntakeDatabase.count("select count(*) from caller_index where blind_index = ? and caller_key = ?",
                blindIndex.of(number), pseudonym)).isEqualTo(1);
    }

    @Test
    void concurrentFirstCallsOfOneCallerGetOnePseudonym() throws Exception {
        String number = Contacts.freshPhoneNumber();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = IntStream.range(0, 8).<Callable<String>>mapToObj(i -> () -> callerKeyOf(number))
                    .toList();
            Set<String> keys = pool.invokeAll(calls).stream().map(CallerPseudonymsTest::get).collect(Collectors.toSet());

            assertThat(keys).hasSize(1);
            assertThat(IntakeDatabase.count("select count(*) from caller_index where blind_index = ?",
                    blindIndex.of(number))).isEqualTo(1);
            assertThat(IntakeDatabase.count("select count(*) from contact where caller_key = ?", keys.iterator().next()))
                    .isEqualTo(8);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void afterAnErasureTheSameNumberIsANewCallerAndTheLedgerSaysWhoWasErased() {
        String number = Contacts.freshPhoneNumber();
        UUID first = contactOf(number);
        String before = Contacts.read(first, "pseudonym test").statusCode(200).extract().path("callerKey");

        given().when().delete("/api/v1/callers/{key}/personal-data", before).then().statusCode(204);

        assertThat(IntakeDatabase.count("select count(*) from caller_index where caller_key = ?", before)).isZero();
        assertThat(IntakeDatabase.count("select count(*) from caller_data_key where caller_key = ? and wrapped_key is not null",
                before)).isZero();
        assertThat(Contacts.read(first, "pseudonym test").statusCode(200).extract().<Boolean>path("personalDataErased"))
                .isTrue();
        ConsumerRecord<String, String> ledger = ErasuresTopic.recordFor(before);
        assertThat(ledger.key()).isEqualTo(before);
        assertThat(((CallerErased) EventJson.read(ledger.value())).cause()).isEqualTo(CallerErased.Cause.REQUEST);
        assertThat(ledger.value()).doesNotContain(number.substring(3));

        String after = callerKeyOf(number);
        assertThat(after).isNotEqualTo(before).matches("p-[0-9a-f]{32}");
        // Erasing him again finds nothing: his old pseudonym leads nowhere.
        given().when().delete("/api/v1/callers/{key}/personal-data", before).then().statusCode(404);
    }

    private static String callerKeyOf(String identifier) {
        return Contacts.read(contactOf(identifier), "pseudonym test").statusCode(200).extract().path("callerKey");
    }

    private static UUID contactOf(String identifier) {
        String body = """
                {"channel": "PHONE", "purpose": "INFORMATION", "origin": "RU",
                 "caller": {"identifier": "%s", "role": "SERVICEMAN"}}
                """.formatted(identifier);
        return UUID.fromString(Contacts.post(body).statusCode(201).extract().path("id"));
    }

    private static String get(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
