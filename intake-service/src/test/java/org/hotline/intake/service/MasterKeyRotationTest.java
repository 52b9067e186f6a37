package org.hotline.intake.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hotline.intake.Contacts;
import org.hotline.intake.crypto.MasterKeys;
import org.hotline.problem.Roles;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * The test profile runs mid-rotation: master key version 2 is active and version 1 still unwraps.
 * Data keys are put back under version 1, as an instance on version 1 wrote them; the job then
 * re-wraps them while contacts are read, and afterwards version 1 is no longer needed.
 */
@QuarkusTest
// Reads contacts on no case, with a reason, as a supervisor may (need to know: a case officer alone
// reads only contacts of cases assigned to him; NeedToKnowTest shows that).
@TestSecurity(user = "admin-7", roles = { Roles.OPERATOR, Roles.CASE_OFFICER, Roles.SUPERVISOR, Roles.ADMIN })
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class MasterKeyRotationTest {

    /** The test profile's version 1 (application.properties), as the instances before the rotation had it. */
    private static final MasterKeys VERSION_1_ONLY = new MasterKeys(1, "P2FT1JybGdEPZdPFB20nM6q9BtvD1KG7bZqN4aKKyx0=",
            List.of());

    @Inject
    MasterKeys configured;

    @Inject
    Scheduler scheduler;

    @BeforeEach
    void holdTheJob() {
        scheduler.pause(MasterKeyRotation.JOB);
    }

    @AfterEach
    void releaseTheJob() {
        scheduler.resume(MasterKeyRotation.JOB);
    }

    @Test
    void theJobReWrapsEveryVersion1KeyWhileReadsGoOnAndThenVersion1CanBeDropped() throws SQLException {
        Map<UUID, String> sealed = recordContacts(12);
        putBackUnderVersion1(sealed.keySet());
        assertThat(progress().<Integer>path("pending")).isGreaterThanOrEqualTo(12);
        assertThat(readAll(sealed.keySet())).isEqualTo(sealed);

        scheduler.resume(MasterKeyRotation.JOB);
        List<Map<UUID, String>> readsMeanwhile = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            readsMeanwhile.add(readAll(sealed.keySet()));
            return progress().<Integer>path("pending") == 0;
        });

        assertThat(readsMeanwhile).allSatisfy(reads -> assertThat(reads).isEqualTo(sealed));
        assertThat(readAll(sealed.keySet())).isEqualTo(sealed);
        var progress = progress();
        assertThat(progress.<Map<String, Integer>>path("liveKeysByVersion")).doesNotContainKey("1");
        assertThat(progress.<List<Integer>>path("retirable")).containsExactly(1);
        MasterKeys withoutVersion1 = new MasterKeys(2, activeKeyOfTheTestProfile(), List.of());
        for (WrappedKey key : liveKeys()) {
            assertThat(key.version()).isEqualTo(2);
            withoutVersion1.unwrap(key.wrapped(), key.id().toString().getBytes(StandardCharsets.US_ASCII), 2);
        }
    }

    @Test
    void anAdminReWrapsAtOnceAndIsToldWhereTheRotationStands() throws SQLException {
        Map<UUID, String> sealed = recordContacts(3);
        putBackUnderVersion1(sealed.keySet());

        given().post("/api/v1/admin/master-keys/rewrap").then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("activeVersion", org.hamcrest.Matchers.equalTo(2))
                .body("configuredVersions", org.hamcrest.Matchers.contains(1, 2))
                .body("pending", org.hamcrest.Matchers.equalTo(0))
                .body("unreadable", org.hamcrest.Matchers.equalTo(0));

        assertThat(readAll(sealed.keySet())).isEqualTo(sealed);
    }

    private static io.restassured.response.ExtractableResponse<io.restassured.response.Response> progress() {
        return given().get("/api/v1/admin/master-keys").then().statusCode(200).extract();
    }

    /** Contacts of as many callers, each with its notes. */
    private static Map<UUID, String> recordContacts(int callers) {
        Map<UUID, String> notes = new LinkedHashMap<>();
        for (int i = 0; i < callers; i++) {
            String note = "rotation " + UUID.randomUUID();
            String body = """
                    {"channel": "PHONE", "purpose": "INFORMATION", "origin": "RU",
                     "caller": {"identifier": "%s", "role": "SERVICEMAN"}, "details": {"notes": "%s"}}
                    """.formatted(Contacts.freshPhoneNumber(), note);
            UUID id = UUID.fromString(given().contentType(ContentType.JSON).body(body).post("/api/v1/contacts")
                    .then().statusCode(201).extract().path("id"));
            notes.put(id, note);
        }
        return notes;
    }

    private static Map<UUID, String> readAll(Iterable<UUID> contacts) {
        Map<UUID, String> notes = new LinkedHashMap<>();
        for (UUID id : contacts) {
            notes.put(id, Contacts.read(id, "rotation check").statusCode(200).extract().path("details.notes"));
        }
        return notes;
    }

    /** Wraps these contacts' data keys with version 1 again, exactly as an instance on version 1 stored them. */
    private void putBackUnderVersion1(Iterable<UUID> contacts) throws SQLException {
        try (Connection connection = RealInfrastructure.postgres().connect("intake");
                PreparedStatement find = connection.prepareStatement("select k.id, k.wrapped_key, k.master_key_version"
                        + " from caller_data_key k join contact c on c.caller_key = k.caller_key"
                        + " where c.id = ? and k.erased_at is null");
                PreparedStatement update = connection.prepareStatement(
                        "update caller_data_key set wrapped_key = ?, master_key_version = 1 where id = ?")) {
            for (UUID contact : contacts) {
                find.setObject(1, contact);
                try (ResultSet row = find.executeQuery()) {
                    row.next();
                    UUID id = row.getObject(1, UUID.class);
                    byte[] keyId = id.toString().getBytes(StandardCharsets.US_ASCII);
                    var dataKey = configured.unwrap(row.getBytes(2), keyId, row.getInt(3));
                    update.setBytes(1, VERSION_1_ONLY.wrap(dataKey, keyId));
                    update.setObject(2, id);
                    update.executeUpdate();
                }
            }
        }
    }

    private record WrappedKey(UUID id, byte[] wrapped, int version) {
    }

    private static List<WrappedKey> liveKeys() throws SQLException {
        List<WrappedKey> keys = new ArrayList<>();
        try (Connection connection = RealInfrastructure.postgres().connect("intake");
                PreparedStatement query = connection.prepareStatement(
                        "select id, wrapped_key, master_key_version from caller_data_key where erased_at is null");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                keys.add(new WrappedKey(rows.getObject(1, UUID.class), rows.getBytes(2), rows.getInt(3)));
            }
        }
        return keys;
    }

    private static String activeKeyOfTheTestProfile() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("hotline.personal-data.master-key", String.class);
    }
}
