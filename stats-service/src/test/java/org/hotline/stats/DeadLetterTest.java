package org.hotline.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.stats.EventsOnKafka.contact;
import static org.hotline.stats.EventsOnKafka.newCallerKey;
import static org.hotline.stats.EventsOnKafka.publish;
import static org.hotline.stats.EventsOnKafka.publishRaw;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hotline.events.EventJson;
import org.hotline.events.Topics;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import org.hotline.problem.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
@TestSecurity(user = "analyst-2", roles = { Roles.ANALYST, Roles.ADMIN })
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "stats"))
class DeadLetterTest {

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextRecordIsStillCounted() {
        String callerKey = newCallerKey();
        String poison = "{\"type\":\"ContactRecorded.v1\",\"occurredAt\":\"not a time " + UUID.randomUUID() + "\"";
        publishRaw(Topics.CONTACTS, callerKey, poison);
        publish(contact(callerKey, Instant.parse("2019-07-07T12:00:00Z")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(ContactCountingTest.series("contacts", "day", "2019-07-07", "2019-07-07", null)
                        .getList("buckets.total")).containsExactly(1));
        assertThat(deadLetterValuesUntil(poison)).contains(poison);
        assertThat(io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString())
                .containsPattern("hotline_dead_letters_total\\{[^}]*channel=\"contacts-in\"[^}]*} [1-9]");
    }

    @Test
    void aPoisonRecordInTheMiddleOfABatchIsTheOnlyOneDeadLetteredAndTheOthersAreCounted() {
        String callerKey = newCallerKey();
        String poison = "{\"type\":\"ContactRecorded.v1\",\"occurredAt\":\"not a time " + UUID.randomUUID() + "\"";
        String before = EventJson.write(contact(callerKey, Instant.parse("2019-08-08T10:00:00Z")));
        String after = EventJson.write(contact(callerKey, Instant.parse("2019-08-08T11:00:00Z")));
        publishRaw(Topics.CONTACTS, callerKey, before, poison, after);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(ContactCountingTest.series("contacts", "day", "2019-08-08", "2019-08-08", null)
                        .getList("buckets.total")).containsExactly(2));
        assertThat(deadLetterValuesUntil(poison)).contains(poison).doesNotContain(before, after);
    }

    @Test
    void aDeadLetterIsListedWithoutItsPayloadAndAReplayThatStillFailsSaysWhy() {
        String poison = "{\"type\":\"ContactRecorded.v1\",\"occurredAt\":\"never " + UUID.randomUUID() + "\"";
        publishRaw(Topics.CONTACTS, newCallerKey(), poison);
        assertThat(deadLetterValuesUntil(poison)).contains(poison);

        List<Map<String, Object>> letters = io.restassured.RestAssured.given().get("/api/v1/admin/dead-letters")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(letters).isNotEmpty().allSatisfy(letter -> assertThat(letter).doesNotContainKey("payload"));
        // Every dead letter of these tests is a poison record: replaying any of them fails again.
        String id = letters.stream().filter(letter -> Topics.CONTACTS.equals(letter.get("topic")))
                .map(letter -> (String) letter.get("id")).findFirst().orElseThrow();

        io.restassured.RestAssured.given().contentType("application/json").body(Map.of("ids", List.of(id)))
                .post("/api/v1/admin/dead-letters/replay")
                .then().statusCode(200)
                .body("id", org.hamcrest.Matchers.contains(id))
                .body("applied", org.hamcrest.Matchers.contains(false))
                .body("error[0]", org.hamcrest.Matchers.notNullValue());
    }

    private static List<String> deadLetterValuesUntil(String expected) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafka().bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.STATS_SERVICE_DEAD_LETTERS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                return values.contains(expected);
            });
        }
        return values;
    }
}
