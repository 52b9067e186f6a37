package org.hotline.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hotline.cases.CaseApi.awaitCase;
import static org.hotline.cases.Contacts.contact;
import static org.hotline.cases.Contacts.newCallerKey;
import static org.hotline.cases.Contacts.newReference;
import static org.hotline.cases.Contacts.send;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.hotline.events.CallerRole;
import org.hotline.events.Purpose;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import org.hotline.problem.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
@TestSecurity(user = Officers.OFFICER, roles = Roles.CASE_OFFICER)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "cases"))
class CaseResourceTest {

    @Test
    void referenceIsFoundInAnyCaseWithOrWithoutDash() {
        String reference = newReference();
        send(Contacts.surrenderRequest(newCallerKey(), reference));
        awaitCase(reference, c -> true);

        given().get("/api/v1/cases/{reference}", reference.toLowerCase().replace("-", ""))
                .then().statusCode(200)
                .body("reference", equalTo(reference))
                .body("state", equalTo("REQUESTED"));
    }

    @Test
    void unknownReferenceIsNotFoundProblem() {
        given().get("/api/v1/cases/{reference}", newReference())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"));
    }

    @Test
    void malformedReferenceIsBadRequestNamingIt() {
        given().get("/api/v1/cases/{reference}", "not-a-reference")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("reference"));
    }

    @Test
    void listIsPagedNewestFirst() {
        // Far in the future, so these three are the newest cases whatever else the tests opened.
        Instant base = Instant.parse("2999-01-01T00:00:00Z")
                .plus(ThreadLocalRandom.current().nextInt(1_000_000), ChronoUnit.MINUTES);
        List<String> references = List.of(newReference(), newReference(), newReference());
        for (int i = 0; i < references.size(); i++) {
            send(contact(newCallerKey(), CallerRole.SERVICEMAN, Purpose.SURRENDER_REQUEST, references.get(i),
                    base.plusSeconds(i)));
        }
        references.forEach(r -> awaitCase(r, c -> true));

        CasePageJson first = page("REQUESTED", 0, 2);
        CasePageJson second = page("REQUESTED", 1, 2);

        assertThat(first.references()).containsExactly(references.get(2), references.get(1));
        assertThat(second.references().get(0)).isEqualTo(references.get(0));
        assertThat(first.total()).isEqualTo(second.total()).isGreaterThanOrEqualTo(3);
        assertThat(first.states()).containsOnly("REQUESTED");
        assertThat(page(null, 0, 2).references()).containsExactly(references.get(2), references.get(1));
        assertThat(page("VERIFIED", 0, 200).states()).allMatch("VERIFIED"::equals);
    }

    @Test
    void invalidStateFilterIsBadRequestNamingState() {
        given().queryParam("state", "CAPTURED")
                .get("/api/v1/cases")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("state")))
                .body("errors[0].message", containsString("REQUESTED"));
    }

    @Test
    void everyInvalidPagingParameterIsNamed() {
        given().queryParam("state", "nope").queryParam("page", "-1").queryParam("size", "201")
                .get("/api/v1/cases")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("state", "page", "size")));
        given().queryParam("page", "first")
                .get("/api/v1/cases")
                .then().statusCode(400)
                .body("errors.field", equalTo(List.of("page")));
    }

    private static CasePageJson page(String state, int page, int size) {
        var request = given().queryParam("page", page).queryParam("size", size);
        if (state != null) {
            request = request.queryParam("state", state);
        }
        var body = request.get("/api/v1/cases").then().statusCode(200)
                .body("page", equalTo(page)).body("size", equalTo(size))
                .extract().jsonPath();
        return new CasePageJson(body.getList("items.reference", String.class),
                body.getList("items.state", String.class), body.getLong("total"));
    }

    private record CasePageJson(List<String> references, List<String> states, long total) {
    }
}
