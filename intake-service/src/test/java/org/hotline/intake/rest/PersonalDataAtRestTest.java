package org.hotline.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.hotline.intake.Contacts;
import org.hotline.intake.IntakeDatabase;
import org.hotline.problem.Roles;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/** Personal data is sealed in the database, opens through the API, and is gone after erasure. */
@QuarkusTest
// Reads contacts on no case, with a reason, as a supervisor may (need to know: a case officer alone
// reads only contacts of cases assigned to him; NeedToKnowTest shows that).
@TestSecurity(user = "admin-4", roles = { Roles.OPERATOR, Roles.CASE_OFFICER, Roles.SUPERVISOR, Roles.ADMIN })
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class PersonalDataAtRestTest {

    @Test
    void noPersonalValueIsStoredInClearYetEachReadsBack() throws SQLException {
        String canary = "canary" + UUID.randomUUID().toString().replace("-", "");
        String phone = Contacts.freshPhoneNumber();
        UUID id = record(phone, canary);

        assertThat(rowOf(id)).doesNotContain(canary).doesNotContain(phone.substring(1));
        assertThat(Contacts.read(id, "checking the seal").statusCode(200).extract().<String>path("details.notes"))
                .isEqualTo("notes " + canary);
        assertThat(Contacts.read(id, "checking the seal").extract().<String>path("caller.identifier"))
                .isEqualTo(phone);
    }

    @Test
    void erasureMakesEveryContactOfTheCallerUnreadableAndSaysSo() {
        String phone = Contacts.freshPhoneNumber();
        UUID first = record(phone, "first");
        // Another spelling of the same number: the same caller, the same key.
        UUID second = record("8" + phone.substring(2), "second");
        String callerKey = Contacts.read(first, "before erasure").statusCode(200).extract().path("callerKey");

        given().delete("/api/v1/callers/{key}/personal-data", callerKey).then().statusCode(204);

        for (UUID contact : List.of(first, second)) {
            var read = Contacts.read(contact, "after erasure").statusCode(200).extract();
            assertThat(read.<Boolean>path("personalDataErased")).isTrue();
            assertThat(read.<String>path("caller.identifier")).isNull();
            assertThat(read.<String>path("details.notes")).isNull();
            assertThat(read.<String>path("callerKey")).isEqualTo(callerKey);
        }
        assertThat(IntakeDatabase.count("select count(*) from caller_data_key where caller_key = ?"
                + " and wrapped_key is null and erased_at is not null", callerKey)).isEqualTo(1);
        given().delete("/api/v1/callers/{key}/personal-data", callerKey).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aCallerWhoCallsAgainAfterErasureIsANewCallerReadableUnderANewPseudonym() {
        String phone = Contacts.freshPhoneNumber();
        UUID before = record(phone, "before");
        String callerKey = Contacts.read(before, "before erasure").extract().path("callerKey");
        given().delete("/api/v1/callers/{key}/personal-data", callerKey).then().statusCode(204);

        UUID after = record(phone, "after");

        var read = Contacts.read(after, "new call").statusCode(200).extract();
        assertThat(read.<String>path("callerKey")).isNotEqualTo(callerKey).startsWith("p-");
        assertThat(read.<String>path("details.notes")).isEqualTo("notes after");
        assertThat(Contacts.read(before, "old call").extract().<Boolean>path("personalDataErased")).isTrue();
    }

    private static UUID record(String phone, String canary) {
        String body = """
                {"channel": "PHONE", "purpose": "INFORMATION", "origin": "RU",
                 "caller": {"identifier": "%s", "role": "SERVICEMAN"},
                 "details": {"fullName": "name %s", "unit": "unit %s", "location": "location %s",
                             "notes": "notes %s"}}
                """.formatted(phone, canary, canary, canary, canary);
        return UUID.fromString(given().contentType(ContentType.JSON).body(body).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id"));
    }

    private static String rowOf(UUID id) throws SQLException {
        try (Connection connection = RealInfrastructure.postgres().connect("intake");
             PreparedStatement query = connection.prepareStatement("select t::text from contact t where id = ?")) {
            query.setObject(1, id);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
