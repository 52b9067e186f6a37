package org.hotline.intake.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
// Reads contacts on no case, with a reason, as a supervisor may (need to know: a case officer alone
// reads only contacts of cases assigned to him; NeedToKnowTest shows that).
@TestSecurity(user = "pseudonym-test", roles = { Roles.OPERATOR, Roles.CASE_OFFICER, Roles.SUPERVISOR, Roles.ADMIN })
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

    /**
     * A database restored from a backup taken before an erasure: the caller's index entry and data
     * key are back, and so is the ledger position of that day. Catching up with the ledger (as
     * intake does at start-up, before it serves) erases him again, and a second catch-up from the
     * ledger's start changes nothing more.
     */
    @Test
    void aRestoredDatabaseIsErasedAgainFromTheLedger() {
        String number = Contacts.freshPhoneNumber();
        UUID contact = contactOf(number);
        String callerKey = Contacts.read(contact, "pseudonym test").statusCode(200).extract().path("callerKey");
        String index = blindIndex.of(number);
        String keyId = IntakeDatabase.text("select id::text from caller_data_key where caller_key = ?", callerKey);
        String wrapped = IntakeDatabase.text("select encode(wrapped_key, 'base64') from caller_data_key where id = ?::uuid",
                keyId);
        given().when().delete("/api/v1/callers/{key}/personal-data", callerKey).then().statusCode(204);
        ErasuresTopic.recordFor(callerKey);
        await().atMost(Duration.ofSeconds(30)).until(() -> IntakeDatabase.count(
                "select count(*) from erasure_ledger_position where next_offset > 0") > 0);

        // The backup of before the erasure comes back: his rows, and a ledger position of 0.
        // (The scheduled catch-up may come first; either way he must be erased again below.)
        assertThat(IntakeDatabase.execute("insert into caller_index (blind_index, caller_key, created_at)"
                + " values (?, ?, now())", index, callerKey)).isEqualTo(1);
        assertThat(IntakeDatabase.execute("update caller_data_key set wrapped_key = decode(?, 'base64'), erased_at = null"
                + " where id = ?::uuid", wrapped, keyId)).isEqualTo(1);
        assertThat(IntakeDatabase.execute("update erasure_ledger_position set next_offset = 0")).isPositive();

        given().when().post("/api/v1/admin/erasure-ledger/catch-up").then().statusCode(200);

        assertThat(Contacts.read(contact, "after catch-up").statusCode(200).extract().<Boolean>path("personalDataErased"))
                .isTrue();
        assertThat(IntakeDatabase.count("select count(*) from caller_index where blind_index = ?", index)).isZero();
        given().when().post("/api/v1/admin/erasure-ledger/catch-up?from=start").then().statusCode(200);
        assertThat(IntakeDatabase.count("select count(*) from caller_data_key where caller_key = ?", callerKey))
                .isEqualTo(1);
        assertThat(callerKeyOf(number)).isNotEqualTo(callerKey);
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
