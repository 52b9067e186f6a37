package org.hotline.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.cases.CaseApi.awaitCase;
import static org.hotline.cases.Contacts.contact;
import static org.hotline.cases.Contacts.newCallerKey;
import static org.hotline.cases.Contacts.newReference;
import static org.hotline.cases.Contacts.send;
import static org.hotline.cases.Contacts.surrenderRequest;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.hotline.cases.messaging.ContactConsumer;
import org.hotline.cases.rest.CaseView;
import org.hotline.events.CallerRole;
import org.hotline.events.CaseState;
import org.hotline.events.ContactRecorded;
import org.hotline.events.EventJson;
import org.hotline.events.Origin;
import org.hotline.events.Purpose;
import org.hotline.events.Topics;
import org.hotline.inbox.Consumed;
import org.hotline.inbox.InboxTransaction;
import org.hotline.testing.MetricsScrape;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import org.hotline.problem.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;

@QuarkusTest
@TestSecurity(user = Officers.OFFICER, roles = Roles.CASE_OFFICER)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "cases"))
class ContactConsumerTest {

    @Inject
    ContactConsumer consumer;

    @Inject
    InboxTransaction transaction;

    @Test
    void surrenderRequestOpensRequestedCaseReadableByItsReference() {
        String reference = newReference();
        ContactRecorded request = send(surrenderRequest(newCallerKey(), reference));

        CaseView opened = awaitCase(reference, c -> true);

        assertThat(opened).usingRecursiveComparison().ignoringFields("id").isEqualTo(new CaseView(null, reference,
                List.of(reference), CaseState.REQUESTED, request.occurredAt(), Origin.RU, 1, request.occurredAt(),
                null, null, 1));
    }

    @Test
    void secondRequestOfCallerJoinsHisOpenCaseAndBothReferencesLeadToIt() {
        String callerKey = newCallerKey();
        String first = newReference();
        String second = newReference();
        send(surrenderRequest(callerKey, first));
        ContactRecorded again = send(surrenderRequest(callerKey, second));

        CaseView joined = awaitCase(first, c -> c.contactCount() == 2);

        assertThat(joined.references()).containsExactly(first, second);
        assertThat(joined.reference()).isEqualTo(first);
        assertThat(joined.lastContactAt()).isEqualTo(again.occurredAt());
        assertThat(joined.version()).isEqualTo(2);
        assertThat(CaseApi.find(second)).contains(joined);
    }

    @Test
    void redeliveredEventCountsOnce() {
        String callerKey = newCallerKey();
        String reference = newReference();
        ContactRecorded request = send(surrenderRequest(callerKey, reference));
        send(request);
        // Same key, so same partition: once this one is counted, the duplicate before it was seen.
        send(contact(callerKey, CallerRole.SERVICEMAN, Purpose.FOLLOW_UP, reference, Contacts.now()));

        CaseView afterFollowUp = awaitCase(reference, c -> c.version() >= 2);

        assertThat(afterFollowUp.contactCount()).isEqualTo(2);
        assertThat(afterFollowUp.version()).isEqualTo(2);
    }

    @Test
    void followUpAndRelativeInquiryLinkToTheNamedCaseEvenByAlias() {
        String callerKey = newCallerKey();
        String first = newReference();
        String alias = newReference();
        send(surrenderRequest(callerKey, first));
        send(surrenderRequest(callerKey, alias));
        awaitCase(first, c -> c.contactCount() == 2);

        send(contact(callerKey, CallerRole.SERVICEMAN, Purpose.FOLLOW_UP, alias.toLowerCase().replace("-", ""),
                Contacts.now()));
        send(contact(newCallerKey(), CallerRole.RELATIVE, Purpose.RELATIVE_INQUIRY, first, Contacts.now()));

        CaseView linked = awaitCase(first, c -> c.contactCount() == 4);
        assertThat(linked.version()).isEqualTo(4);
    }

    @Test
    void contactsWithoutCaseOrWithUnknownReferenceChangeNoCase() {
        String callerKey = newCallerKey();
        String reference = newReference();
        send(contact(callerKey, CallerRole.SERVICEMAN, Purpose.FOLLOW_UP, newReference(), Contacts.now()));
        send(contact(callerKey, CallerRole.OTHER, Purpose.INFORMATION, null, Contacts.now()));
        send(contact(callerKey, CallerRole.RELATIVE, Purpose.RELATIVE_INQUIRY, null, Contacts.now()));
        send(surrenderRequest(callerKey, reference));

        CaseView opened = awaitCase(reference, c -> true);

        assertThat(opened.contactCount()).isEqualTo(1);
        assertThat(opened.version()).isEqualTo(1);
    }

    @Test
    void poisonRecordGoesToDeadLetterTopicAndNextRecordIsStillProcessed() {
        String callerKey = newCallerKey();
        String reference = newReference();
        double deadLetteredBefore = deadLettered();
        Contacts.sendRaw(callerKey, "{ this is not an event");
        send(surrenderRequest(callerKey, reference));

        var deadLetters = TopicReader.awaitRecords(Topics.CASE_SERVICE_DEAD_LETTERS,
                r -> callerKey.equals(r.key()), 1);

        assertThat(deadLetters).singleElement()
                .satisfies(r -> assertThat(r.value()).isEqualTo("{ this is not an event"));
        assertThat(new String(deadLetters.get(0).headers().lastHeader("dead-letter-reason").value(),
                StandardCharsets.UTF_8)).contains("unreadable event");
        awaitCase(reference, c -> c.state() == CaseState.REQUESTED);
        // The counter exists from the start at 0: only its value shows that this letter was counted.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(deadLettered()).isEqualTo(deadLetteredBefore + 1));
    }

    private static double deadLettered() {
        return MetricsScrape.of(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .value("hotline_dead_letters_total", "channel", "contacts-in").orElse(0.0);
    }

    @Test
    void aPoisonRecordInTheMiddleOfABatchIsTheOnlyOneDeadLetteredAndTheOthersAreApplied() {
        String callerKey = newCallerKey();
        String reference = newReference();
        // Readable, but unusable only once it is being applied: its batch's transaction has begun.
        String poison = EventJson.write(surrenderRequest(callerKey, "no reference at all"));
        Contacts.sendAllRaw(callerKey, EventJson.write(surrenderRequest(callerKey, reference)), poison,
                EventJson.write(contact(callerKey, CallerRole.SERVICEMAN, Purpose.FOLLOW_UP, reference, Contacts.now())));

        var deadLetters = TopicReader.awaitRecords(Topics.CASE_SERVICE_DEAD_LETTERS,
                r -> callerKey.equals(r.key()), 1);

        assertThat(deadLetters).singleElement().satisfies(r -> assertThat(r.value()).isEqualTo(poison));
        CaseView applied = awaitCase(reference, c -> c.contactCount() == 2);
        assertThat(applied.version()).isEqualTo(2);
    }

    @Test
    void aContactRepeatedWithinABatchAndInALaterBatchIsAppliedOnce() {
        String callerKey = newCallerKey();
        String reference = newReference();
        String request = EventJson.write(surrenderRequest(callerKey, reference));
        String followUp = EventJson.write(contact(callerKey, CallerRole.SERVICEMAN, Purpose.FOLLOW_UP, reference,
                Contacts.now()));

        // The consumer's own code, called with batches of our making: which records Kafka polls together is its choice.
        transaction.apply(consumer, consumed(request, followUp, request, followUp));
        transaction.apply(consumer, consumed(followUp, request));

        CaseView applied = CaseApi.find(reference).orElseThrow();
        assertThat(applied.contactCount()).isEqualTo(2);
        assertThat(applied.version()).isEqualTo(2);
    }

    @Test
    void concurrentRequestsOfOneCallerOpenOneCase() throws Exception {
        String callerKey = newCallerKey();
        List<String> references = IntStream.range(0, 4).mapToObj(i -> newReference()).toList();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(references.size());
        try {
            List<CompletableFuture<Void>> done = references.stream()
                    .map(reference -> CompletableFuture.runAsync(() -> {
                        awaitQuietly(start);
                        transaction.apply(consumer, consumed(EventJson.write(surrenderRequest(callerKey, reference))));
                    }, pool))
                    .toList();
            start.countDown();
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdown();
        }

        CaseView joined = CaseApi.find(references.get(0)).orElseThrow();
        assertThat(joined.contactCount()).isEqualTo(4);
        assertThat(joined.references()).containsExactlyInAnyOrderElementsOf(references);
        references.forEach(r -> assertThat(CaseApi.find(r)).contains(joined));
        assertThat(casesOfCaller(callerKey)).isEqualTo(1);
    }

    private static List<Consumed> consumed(String... payloads) {
        return Stream.of(payloads).map(payload -> new Consumed(payload, null, null)).toList();
    }

    private static void awaitQuietly(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int casesOfCaller(String callerKey) throws Exception {
        try (Connection db = DriverManager.getConnection(RealInfrastructure.postgres().jdbcUrl("cases"), "postgres", "");
                PreparedStatement query = db.prepareStatement("select count(*) from surrender_case where caller_key = ?")) {
            query.setString(1, callerKey);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
