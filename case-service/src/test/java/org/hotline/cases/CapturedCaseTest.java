package org.hotline.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.hotline.cases.rest.CaseView;
import org.hotline.events.CaseEvent;
import org.hotline.events.CaseOpened;
import org.hotline.events.CaseState;
import org.hotline.events.CustodyMode;
import org.hotline.events.EventJson;
import org.hotline.events.Origin;
import org.hotline.events.Topics;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import org.hotline.problem.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@TestSecurity(user = Officers.OFFICER, roles = Roles.CASE_OFFICER)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "cases"))
class CapturedCaseTest {

    @Test
    void officerOpensCaseOfManCapturedWithoutCallAndItIsPublished() {
        Instant captured = Contacts.now().minus(2, ChronoUnit.HOURS);

        Response response = Officers.officer()
                .body(Officers.body("state", "IN_CUSTODY", "mode", "CAPTURED", "origin", "RU", "at",
                        captured.toString()))
                .post("/api/v1/cases");

        response.then().statusCode(201).header("ETag", "\"1\"");
        String reference = response.path("reference");
        assertThat(response.header("Location")).endsWith("/api/v1/cases/" + reference);
        CaseView opened = CaseApi.read(given().get(response.header("Location")), CaseView.class);
        assertThat(opened).usingRecursiveComparison().ignoringFields("id").isEqualTo(new CaseView(null, reference,
                List.of(reference), CaseState.IN_CUSTODY, captured, Origin.RU, 0, null, CustodyMode.CAPTURED, null, 1));
        CaseEvent event = (CaseEvent) EventJson.read(TopicReader.awaitRecords(Topics.CASES,
                r -> opened.id().toString().equals(r.key()), 1).get(0).value());
        assertThat(event).usingRecursiveComparison().ignoringFields("eventId").isEqualTo(new CaseOpened(null,
                opened.id(), reference, 1, captured, null, Origin.RU, CaseState.IN_CUSTODY, CustodyMode.CAPTURED));
        assertThat(CaseApi.history(reference).entries()).singleElement()
                .satisfies(e -> assertThat(e.to()).isEqualTo(CaseState.IN_CUSTODY))
                .satisfies(e -> assertThat(e.from()).isNull());
    }

    @Test
    void capturedCaseWithoutOriginOrTimeIsFromUnknownOriginNow() {
        String reference = Officers.capture("state", "IN_CUSTODY", "mode", "SURRENDERED");

        given().get("/api/v1/cases/{reference}", reference).then().statusCode(200)
                .body("origin", equalTo("UNKNOWN"))
                .body("custodyMode", equalTo("SURRENDERED"))
                .body("contactCount", equalTo(0));
    }

    @Test
    void everyBadFieldOfANewCaseIsNamedAndNothingIsOpened() {
        Officers.officer().body(Officers.body("state", "REQUESTED", "origin", "MARS", "at", "tomorrow"))
                .post("/api/v1/cases")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("state", "mode", "origin", "at")));
        Officers.officer().body(Officers.body("state", "IN_CUSTODY", "mode", "CAPTURED", "at",
                Instant.now().plus(2, ChronoUnit.DAYS).toString()))
                .post("/api/v1/cases")
                .then().statusCode(400).body("errors.field", equalTo(List.of("at")));
        Officers.officer().body(Officers.body("state", "IN_CUSTODY", "mode", "CAPTURED", "at",
                "-100000-01-01T00:00:00Z"))
                .post("/api/v1/cases")
                .then().statusCode(400).body("errors.field", equalTo(List.of("at")));
        Officers.officer().body(Officers.body("state", "IN_CUSTODY", "mode", "CAPTURED", "origin", ""))
                .post("/api/v1/cases")
                .then().statusCode(400).body("errors.field", equalTo(List.of("origin")));
        given().contentType(ContentType.TEXT).body("IN_CUSTODY")
                .post("/api/v1/cases")
                .then().statusCode(415).contentType("application/problem+json");
    }
}
