package org.hotline.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.cases.CaseApi.awaitCase;
import static org.hotline.cases.Contacts.contact;
import static org.hotline.cases.Contacts.newCallerKey;
import static org.hotline.cases.Contacts.newReference;
import static org.hotline.cases.Contacts.send;
import static org.hotline.cases.Officers.cared;
import static org.hotline.cases.Officers.moved;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.hotline.cases.rest.OverdueView;
import org.hotline.events.CallerRole;
import org.hotline.events.Purpose;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import org.hotline.problem.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** Time is controlled by backdating the custody transition, never by waiting. */
@QuarkusTest
@TestSecurity(user = Officers.OFFICER, roles = Roles.CASE_OFFICER)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "cases"))
class OverdueCasesTest {

    @Test
    void custodyTenDaysAgoWithoutCaptureCardIsThreeDaysOverdueUntilTheCardIsSent() {
        Instant custody = Contacts.now().minus(10, ChronoUnit.DAYS);
        String reference = newReference();
        send(contact(newCallerKey(), CallerRole.SERVICEMAN, Purpose.SURRENDER_REQUEST, reference,
                custody.minus(1, ChronoUnit.DAYS)));
        awaitCase(reference, c -> true);
        moved(reference, "to", "IN_CUSTODY", "mode", "SURRENDERED", "at", custody.toString());
        cared(reference, "kind", "INFORMATION_BUREAU_NOTIFIED", "at", custody.plus(1, ChronoUnit.DAYS).toString());

        List<OverdueView> overdue = overdueOf(reference);

        Instant due = custody.plus(7, ChronoUnit.DAYS);
        assertThat(overdue).extracting(OverdueView::deadline).extracting(Enum::name)
                .containsExactly("CAPTURE_CARD", "FIRST_FAMILY_CONTACT");
        assertThat(overdue).allSatisfy(o -> {
            assertThat(o.due()).isEqualTo(due);
            assertThat(o.custodyAt()).isEqualTo(custody);
            assertThat(o.overdueHours()).isEqualTo(72);
            assertThat(Duration.parse(o.overdueBy())).isBetween(Duration.ofDays(3), Duration.ofDays(3).plusHours(1));
        });

        cared(reference, "kind", "CAPTURE_CARD_SENT", "at", Contacts.now().toString());

        assertThat(overdueOf(reference)).extracting(OverdueView::deadline).extracting(Enum::name)
                .containsExactly("FIRST_FAMILY_CONTACT");
    }

    @Test
    void custodyWithinTheWeekOrEndedIsNotOverdue() {
        String recent = Officers.capture("state", "IN_CUSTODY", "mode", "CAPTURED", "at",
                Contacts.now().minus(2, ChronoUnit.DAYS).toString());
        String released = Officers.capture("state", "IN_CUSTODY", "mode", "CAPTURED", "at",
                Contacts.now().minus(20, ChronoUnit.DAYS).toString());
        moved(released, "to", "RELEASED");

        assertThat(overdueOf(recent)).isEmpty();
        assertThat(overdueOf(released)).isEmpty();
    }

    @Test
    void capturedCaseRunsItsDeadlinesFromItsCustodyTime() {
        Instant custody = Contacts.now().minus(8, ChronoUnit.DAYS);
        String reference = Officers.capture("state", "IN_CUSTODY", "mode", "CAPTURED", "at", custody.toString());

        assertThat(overdueOf(reference)).extracting(o -> o.deadline().name())
                .containsExactly("CAPTURE_CARD", "FIRST_FAMILY_CONTACT", "INFORMATION_BUREAU");
    }

    private static List<OverdueView> overdueOf(String reference) {
        OverdueView.Page page = CaseApi.read(given().get("/api/v1/cases/overdue").then().statusCode(200).extract()
                .response(), OverdueView.Page.class);
        return page.items().stream().filter(o -> o.reference().equals(reference)).toList();
    }
}
