package org.hotline.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hotline.system.Contacts.contact;
import static org.hotline.system.Contacts.freshPhoneNumber;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.events.Topics;
import org.hotline.system.RunningHotline.Hotline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kafka delivers at least once, and the outbox may send an event twice after a crash. Both
 * consumers must apply a redelivered event (same event id) once in effect.
 */
@ExtendWith(RunningHotline.class)
class ExactlyOnceIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void redeliveredContactEventIsCountedOnceByCasesAndStats(Hotline hotline) {
        String phone = freshPhoneNumber();
        String contactId = Contacts.post(hotline.intakeUrl(), contact("SURRENDER_REQUEST", phone, "2025-01-01T10:00:00Z"))
                .then().statusCode(201).extract().path("id");
        String reference = given().baseUri(hotline.intakeUrl()).header("X-Access-Reason", "system test")
                .get("/api/v1/contacts/{id}", contactId).then().statusCode(200).extract().path("caseReference");
        await().atMost(DEADLINE).until(() -> Stats.dayTotal(hotline, "contacts", "2025-01-01") == 1);

        ConsumerRecord<String, String> original = recordOfContact(hotline, contactId);
        Topic.write(hotline.kafka().bootstrapServers(), original);

        // A later contact of the same caller shares the partition, so once it is applied the
        // redelivered copy before it has been applied too.
        Map<String, Object> marker = contact("INFORMATION", phone, "2025-01-02T10:00:00Z");
        Contacts.post(hotline.intakeUrl(), marker).then().statusCode(201);
        Map<String, Object> followUp = contact("FOLLOW_UP", phone, "2025-01-02T11:00:00Z");
        followUp.put("caseReference", reference);
        Contacts.post(hotline.intakeUrl(), followUp).then().statusCode(201);
        await().atMost(DEADLINE).until(() -> Stats.dayTotal(hotline, "contacts", "2025-01-02") == 2);
        await().atMost(DEADLINE).untilAsserted(() -> given().baseUri(hotline.caseUrl())
                .get("/api/v1/cases/{reference}", reference).then().statusCode(200).body("contactCount", equalTo(2)));

        assertThat(Stats.dayTotal(hotline, "contacts", "2025-01-01")).isEqualTo(1);
        assertThat(Stats.dayTotal(hotline, "surrenderRequests", "2025-01-01")).isEqualTo(1);
        assertThat(Topic.readAll(hotline.kafka().bootstrapServers(), Topics.CONTACTS).stream()
                .filter(r -> r.value().contains(contactId)).count()).isEqualTo(2);
    }

    private static ConsumerRecord<String, String> recordOfContact(Hotline hotline, String contactId) {
        List<ConsumerRecord<String, String>> matches = Topic.readAll(hotline.kafka().bootstrapServers(), Topics.CONTACTS)
                .stream().filter(r -> r.value().contains(contactId)).toList();
        assertThat(matches).hasSize(1);
        return matches.get(0);
    }
}
