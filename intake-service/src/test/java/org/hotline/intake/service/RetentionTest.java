package org.hotline.intake.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hotline.events.CallerErased;
import org.hotline.events.CaseContactLinked;
import org.hotline.events.CaseEvent;
import org.hotline.events.CaseOpened;
import org.hotline.events.CaseState;
import org.hotline.events.CaseTransitioned;
import org.hotline.events.EventJson;
import org.hotline.events.Origin;
import org.hotline.events.Purpose;
import org.hotline.intake.Contacts;
import org.hotline.intake.ErasuresTopic;
import org.hotline.intake.IntakeDatabase;
import org.hotline.intake.TestClock;
import org.hotline.intake.config.PersonalDataConfig;
import org.hotline.problem.Roles;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * Case events on the real broker tell intake when cases close; the clock is moved past the
 * retention instead of waiting, and the retention erases exactly the callers it should. The
 * scheduled job (every second in tests) is paused while a test runs and the test runs the erasure
 * itself: a run that read the moved clock must not go on erasing after the clock is back, nor
 * race the test's own checks.
 */
@QuarkusTest
// Reads contacts on no case, with a reason, as a supervisor may (need to know: a case officer alone
// reads only contacts of cases assigned to him; NeedToKnowTest shows that).
@TestSecurity(user = "officer-9", roles = { Roles.OPERATOR, Roles.CASE_OFFICER, Roles.SUPERVISOR })
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class RetentionTest {

    @Inject
    PersonalDataConfig config;

    @Inject
    RetentionErasure retention;

    private record Caller(UUID contact, String callerKey, String reference) {
    }

    @Inject
    Scheduler scheduler;

    @BeforeEach
    void pauseTheScheduledJob() {
        // A run that began before the pause may still be going; it read the clock, unmoved, as it
        // began, so it cannot erase anyone these tests expect kept.
        scheduler.pause(RetentionErasure.JOB);
    }

    @AfterEach
    void backToNowAndTheScheduleResumed() {
        TestClock.CLOCK.reset();
        scheduler.resume(RetentionErasure.JOB);
    }

    @Test
    void aCaseClosedLongerThanTheRetentionErasesItsCallersAndNoOneElse() {
        Instant now = TestClock.CLOCK.instant();
        Caller closed = surrenderRequest();
        Caller mother = relativeInquiry(closed.reference());
        Caller open = surrenderRequest();
        Caller closedThenAgain = surrenderRequest();
        Caller closedLater = surrenderRequest();
        UUID closedCase = UUID.randomUUID();
        UUID openCase = UUID.randomUUID();
        UUID firstCase = UUID.randomUUID();
        UUID secondCase = UUID.randomUUID();
        UUID laterCase = UUID.randomUUID();

        RealInfrastructure.kafka().publish(List.of(
                opened(closedCase, closed, now),
                new CaseContactLinked(UUID.randomUUID(), closedCase, closed.reference(), 2, now, mother.contact(),
                        Purpose.RELATIVE_INQUIRY, 2),
                transitioned(closedCase, 3, CaseState.EXCHANGED, now),
                opened(openCase, open, now),
                opened(firstCase, closedThenAgain, now),
                transitioned(firstCase, 2, CaseState.WITHDRAWN, now),
                opened(secondCase, closedThenAgain, now.plus(Duration.ofDays(1))),
                opened(laterCase, closedLater, now),
                transitioned(laterCase, 2, CaseState.LOST_CONTACT, now.plus(Duration.ofDays(2)))));
        await().atMost(Duration.ofSeconds(60)).until(() -> IntakeDatabase.count(
                "select count(*) from known_case where case_id in (?, ?, ?, ?, ?)",
                closedCase, openCase, firstCase, secondCase, laterCase) == 5
                && IntakeDatabase.count("select count(*) from known_case where final_at is not null"
                        + " and case_id in (?, ?, ?)", closedCase, firstCase, laterCase) == 3
                && IntakeDatabase.count("select count(*) from case_caller where case_id = ? and caller_key = ?",
                        closedCase, mother.callerKey()) == 1);
        retention.eraseAllPastRetention();
        assertThat(erased(closed)).as("within the retention").isFalse();

        TestClock.CLOCK.shiftBy(config.retention().plus(Duration.ofDays(1)));
        retention.eraseAllPastRetention();

        assertThat(erased(closed)).as("his case closed longer than the retention ago").isTrue();
        assertThat(erased(mother)).as("she asked about that case only").isTrue();
        assertThat(erased(open)).as("his case is open").isFalse();
        assertThat(erased(closedThenAgain)).as("he has a newer open case").isFalse();
        assertThat(erased(closedLater)).as("his case closed less than the retention ago").isFalse();
        assertThat(IntakeDatabase.count("select count(*) from caller_data_key where caller_key = ?"
                + " and wrapped_key is null and erased_at is not null", closed.callerKey())).isEqualTo(1);
    }

    @Test
    void aCallerWhoCallsAgainAfterHisCaseClosedIsKeptForTheRetentionFromThatCall() {
        Instant now = TestClock.CLOCK.instant();
        Caller caller = surrenderRequest();
        UUID closedCase = UUID.randomUUID();
        RealInfrastructure.kafka().publish(List.of(opened(closedCase, caller, now.minus(Duration.ofDays(400))),
                transitioned(closedCase, 2, CaseState.RELEASED, now.minus(Duration.ofDays(300)))));
        await().atMost(Duration.ofSeconds(60)).until(() -> IntakeDatabase.count(
                "select count(*) from known_case where case_id = ? and final_at is not null", closedCase) == 1);

        // His case closed long ago, but his contact is newer than the retention: he is kept ...
        retention.eraseAllPastRetention();
        assertThat(erased(caller)).isFalse();
        // ... until the retention has passed since that contact as well.
        TestClock.CLOCK.shiftBy(config.retention().plus(Duration.ofDays(1)));
        retention.eraseAllPastRetention();
        assertThat(erased(caller)).isTrue();
    }

    @Test
    void aCallerWithNoCaseIsForgottenOnceTheRetentionHasPassedSinceHisLastCall() {
        Caller informed = informationCall();
        String blindIndex = IntakeDatabase.text("select blind_index from caller_index where caller_key = ?",
                informed.callerKey());

        retention.eraseAllPastRetention();
        assertThat(erased(informed)).as("within the retention").isFalse();

        TestClock.CLOCK.shiftBy(config.retention().plus(Duration.ofDays(1)));
        retention.eraseAllPastRetention();
        assertThat(erased(informed)).isTrue();

        assertThat(IntakeDatabase.count("select count(*) from caller_index where blind_index = ?", blindIndex))
                .as("his number no longer leads to his pseudonym").isZero();
        assertThat(((CallerErased) EventJson.read(ErasuresTopic.recordFor(informed.callerKey()).value())).cause())
                .isEqualTo(CallerErased.Cause.RETENTION);
    }

    private static Caller informationCall() {
        String body = """
                {"channel": "PHONE", "purpose": "INFORMATION", "origin": "RU",
                 "caller": {"identifier": "%s", "role": "SERVICEMAN"}}
                """.formatted(Contacts.freshPhoneNumber());
        UUID contact = UUID.fromString(Contacts.post(body).statusCode(201).extract().path("id"));
        return new Caller(contact, callerKeyOf(contact), null);
    }

    private static CaseOpened opened(UUID caseId, Caller caller, Instant at) {
        return new CaseOpened(UUID.randomUUID(), caseId, caller.reference(), 1, at, caller.callerKey(), Origin.RU,
                CaseState.REQUESTED, null);
    }

    private static CaseEvent transitioned(UUID caseId, long version, CaseState to, Instant at) {
        return new CaseTransitioned(UUID.randomUUID(), caseId, "ignored", version, at, CaseState.REQUESTED, to, null,
                Origin.RU);
    }

    private static Caller surrenderRequest() {
        var created = Contacts.post(Contacts.surrenderRequest(Contacts.freshPhoneNumber())).statusCode(201).extract();
        UUID contact = UUID.fromString(created.path("id"));
        return new Caller(contact, callerKeyOf(contact), created.path("caseReference"));
    }

    private static Caller relativeInquiry(String reference) {
        String body = """
                {"channel": "CHAT_BOT", "purpose": "RELATIVE_INQUIRY", "caseReference": "%s",
                 "caller": {"identifier": "@mother_%s", "role": "RELATIVE"}}
                """.formatted(reference, UUID.randomUUID().toString().substring(0, 8));
        UUID contact = UUID.fromString(given().contentType(ContentType.JSON).body(body).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id"));
        return new Caller(contact, callerKeyOf(contact), reference);
    }

    private static String callerKeyOf(UUID contact) {
        return Contacts.read(contact, "retention test").statusCode(200).extract().path("callerKey");
    }

    private static boolean erased(Caller caller) {
        return Contacts.read(caller.contact(), "retention test").statusCode(200).extract()
                .<Boolean>path("personalDataErased");
    }
}
