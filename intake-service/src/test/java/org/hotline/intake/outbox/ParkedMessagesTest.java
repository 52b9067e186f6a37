package org.hotline.intake.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hotline.events.Topics;
import org.hotline.intake.IntakeDatabase;
import org.hotline.problem.Roles;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/**
 * A message Kafka refuses for good is counted, parked after the configured attempts, and moved
 * back into the outbox on an operator's request (where, still too large, it is parked again).
 */
@QuarkusTest
@TestSecurity(user = "admin-parked", roles = { Roles.ADMIN })
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class ParkedMessagesTest {

    @Test
    void aRefusedMessageIsParkedAndSentAgainOnRequestWhileTheOthersFlow() throws Exception {
        String key = "oversized-" + UUID.randomUUID();
        long poison = insertOversized(key);

        await("the refused message parked").atMost(Duration.ofMinutes(1)).until(() -> parked(key).contains(poison));
        assertThat(IntakeDatabase.count("select count(*) from outbox_message where message_key = ?", key)).isZero();
        assertThat(IntakeDatabase.count("select max(attempts) from outbox_parked where message_key = ?", key))
                .isEqualTo(5);

        List<Long> moved = given().contentType(ContentType.JSON).body(Map.of("ids", List.of(poison)))
                .when().post("/api/v1/admin/outbox/parked/resend")
                .then().statusCode(200).extract().jsonPath().getList("ids", Long.class);

        assertThat(moved).containsExactly(poison);
        await("parked again, under its new id").atMost(Duration.ofMinutes(1))
                .until(() -> parked(key).stream().anyMatch(id -> id > poison));
        assertThat(parked(key)).doesNotContain(poison).hasSize(1);
    }

    private static List<Long> parked(String key) {
        List<Map<String, Object>> all = given().when().get("/api/v1/admin/outbox/parked")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return all.stream().filter(message -> key.equals(message.get("key")))
                .map(message -> ((Number) message.get("id")).longValue()).toList();
    }

    /** Larger than the producer's max.request.size (1 MiB): Kafka refuses it every time. */
    private static long insertOversized(String key) throws SQLException {
        try (Connection connection = DriverManager.getConnection(RealInfrastructure.postgres().jdbcUrl("intake"),
                RealInfrastructure.postgres().user(), "");
                PreparedStatement insert = connection.prepareStatement("""
                        insert into outbox_message (topic, message_key, event_type, payload, created_at)
                        values (?, ?, 'ContactRecorded.v1', ?, now()) returning id""")) {
            insert.setString(1, Topics.CONTACTS);
            insert.setString(2, key);
            insert.setString(3, "x".repeat(2 * 1024 * 1024));
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        }
    }
}
