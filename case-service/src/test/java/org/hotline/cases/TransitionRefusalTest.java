package org.hotline.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hotline.cases.CaseApi.awaitCase;
import static org.hotline.cases.Contacts.newCallerKey;
import static org.hotline.cases.Contacts.newReference;
import static org.hotline.cases.Contacts.send;
import static org.hotline.cases.Officers.moved;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hotline.cases.rest.CaseView;
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
class TransitionRefusalTest {

    @Test
    void backwardMoveIsRefusedNamingTheStatesAllowedNext() {
        String reference = requested();
        moved(reference, "to", "VERIFIED");

        assertRefused(Officers.move(reference, "to", "REQUESTED"), "VERIFIED", "REQUESTED",
                List.of("SURRENDER_ARRANGED", "IN_CUSTODY", "WITHDRAWN", "LOST_CONTACT"));
        assertUnchanged(reference, "VERIFIED", 2);
    }

    @Test
    void finalStateAfterCustodyCannotBeReachedBeforeCustody() {
        String reference = requested();

        assertRefused(Officers.move(reference, "to", "EXCHANGED"), "REQUESTED", "EXCHANGED",
                List.of("VERIFIED", "IN_CUSTODY", "WITHDRAWN", "LOST_CONTACT"));
        assertUnchanged(reference, "REQUESTED", 1);
    }

    @Test
    void manInCustodyCannotWithdrawOrBeLost() {
        String reference = requested();
        moved(reference, "to", "IN_CUSTODY", "mode", "CAPTURED");

        assertRefused(Officers.move(reference, "to", "WITHDRAWN"), "IN_CUSTODY", "WITHDRAWN",
                List.of("EXCHANGED", "RELEASED", "TRANSFERRED"));
        assertRefused(Officers.move(reference, "to", "LOST_CONTACT"), "IN_CUSTODY", "LOST_CONTACT",
                List.of("EXCHANGED", "RELEASED", "TRANSFERRED"));
        assertUnchanged(reference, "IN_CUSTODY", 2);
    }

    @Test
    void finalCaseMovesNowhere() {
        String reference = requested();
        moved(reference, "to", "WITHDRAWN", "reason", "changed his mind");

        assertRefused(Officers.move(reference, "to", "VERIFIED"), "WITHDRAWN", "VERIFIED", List.of());
        assertUnchanged(reference, "WITHDRAWN", 2);
    }

    @Test
    void enteringCustodyNeedsTheModeAndOnlyCustodyTakesOne() {
        String reference = requested();

        Officers.move(reference, "to", "IN_CUSTODY").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("mode")));
        Officers.move(reference, "to", "VERIFIED", "mode", "CAPTURED").then().statusCode(400)
                .body("errors.field", equalTo(List.of("mode")));
        assertUnchanged(reference, "REQUESTED", 1);
    }

    @Test
    void unknownTargetStateAndEveryOtherBadFieldAreNamed() {
        String reference = requested();

        Officers.move(reference, "to", "ESCAPED", "mode", "BEAMED", "at", "yesterday").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("to", "mode", "at")))
                .body("errors[0].message", containsString("IN_CUSTODY"));
        Officers.officer().body("{\"to\":\"VERIFIED\",\"by\":\"someone\"}").post("/api/v1/cases/{r}/transitions",
                reference).then().statusCode(400).body("errors[0].field", equalTo("by"));
        Officers.officer().body("{\"to\":").post("/api/v1/cases/{r}/transitions", reference)
                .then().statusCode(400).contentType("application/problem+json");
        Officers.officer().post("/api/v1/cases/{r}/transitions", reference)
                .then().statusCode(400).body("errors.field", hasItem("body"));
        assertUnchanged(reference, "REQUESTED", 1);
    }

    @Test
    void transitionInTheFutureOrBeforeTheLastChangeIsRefused() {
        String reference = requested();

        Officers.move(reference, "to", "VERIFIED", "at", Instant.now().plus(1, ChronoUnit.DAYS).toString())
                .then().statusCode(400).body("errors.field", equalTo(List.of("at")));
        Officers.move(reference, "to", "VERIFIED", "at", "2022-01-01T00:00:00Z")
                .then().statusCode(422).body("errors.field", equalTo(List.of("at")));
        assertUnchanged(reference, "REQUESTED", 1);
    }

    @Test
    void unknownOrMalformedReferenceIsNotFoundOrBadRequest() {
        Officers.move(newReference(), "to", "VERIFIED").then().statusCode(404)
                .contentType("application/problem+json");
        Officers.move("nonsense", "to", "VERIFIED").then().statusCode(400)
                .body("errors.field", equalTo(List.of("reference")));
    }

    @Test
    void staleIfMatchIsRefusedSoTwoOfficersCannotOverwriteEachOther() {
        String reference = requested();
        String etag = given().get("/api/v1/cases/{reference}", reference).then().extract().header("ETag");

        // Officer A moves the case with the version he read...
        Officers.officer().header("If-Match", etag).body(Officers.body("to", "VERIFIED"))
                .post("/api/v1/cases/{reference}/transitions", reference)
                .then().statusCode(200).header("ETag", "\"2\"");
        // ...officer B, who read the same version, decides on a case that is no longer there.
        Officers.officer().header("If-Match", etag).body(Officers.body("to", "WITHDRAWN"))
                .post("/api/v1/cases/{reference}/transitions", reference)
                .then().statusCode(412)
                .contentType("application/problem+json")
                .body("status", equalTo(412));
        Officers.officer().header("If-Match", etag).body(Officers.body("kind", "MEDICAL_CARE", "at",
                Instant.now().toString())).post("/api/v1/cases/{reference}/care", reference)
                .then().statusCode(412);
        Officers.officer().header("If-Match", "yesterday").body(Officers.body("to", "WITHDRAWN"))
                .post("/api/v1/cases/{reference}/transitions", reference)
                .then().statusCode(400).body("errors.field", equalTo(List.of("If-Match")));
        assertUnchanged(reference, "VERIFIED", 2);
    }

    @Test
    void twoOfficersChangingTheSameVersionAtOnceGetOneSuccessAndOneConflict() throws Exception {
        String reference = requested();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = List.of("VERIFIED", "WITHDRAWN").stream()
                    .map(to -> pool.submit(() -> {
                        start.await();
                        return Officers.officer().header("If-Match", "\"1\"").body(Officers.body("to", to))
                                .post("/api/v1/cases/{reference}/transitions", reference).statusCode();
                    }))
                    .toList();
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        } finally {
            pool.shutdown();
        }
        assertThat(CaseApi.find(reference).orElseThrow().version()).isEqualTo(2);
        assertThat(CaseApi.history(reference).entries()).filteredOn(e -> e.type().equals("TRANSITION")).hasSize(1);
    }

    @Test
    void careIsRecordedOnlyInCustody() {
        String reference = requested();

        Officers.care(reference, "kind", "MEDICAL_CARE", "at", Instant.now().toString())
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("REQUESTED"));
        Officers.care(reference, "kind", "TEA", "note", "x".repeat(2001))
                .then().statusCode(400).body("errors.field", equalTo(List.of("kind", "at", "note")));
        assertUnchanged(reference, "REQUESTED", 1);
    }

    private static String requested() {
        String reference = newReference();
        // An hour ago, so a transition "now" is after it.
        send(Contacts.contact(newCallerKey(), org.hotline.events.CallerRole.SERVICEMAN,
                org.hotline.events.Purpose.SURRENDER_REQUEST, reference, Contacts.now().minus(1, ChronoUnit.HOURS)));
        awaitCase(reference, c -> true);
        return reference;
    }

    private static void assertRefused(Response response, String from, String to, List<String> allowedNext) {
        response.then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("from", equalTo(from))
                .body("to", equalTo(to))
                .body("allowedNext", equalTo(allowedNext));
    }

    private static void assertUnchanged(String reference, String state, long version) {
        CaseView now = CaseApi.find(reference).orElseThrow();
        assertThat(now.state().name()).isEqualTo(state);
        assertThat(now.version()).isEqualTo(version);
    }
}
