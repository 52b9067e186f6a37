package org.hotline.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.system.Contacts.contact;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.hotline.stack.ServiceProcess;
import org.hotline.system.RunningHotline.Hotline;
import org.hotline.system.TraceCollector.CollectedSpan;
import org.hotline.testing.Traces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.restassured.specification.RequestSpecification;

/**
 * A caller who is identified can be killed for trying to surrender. Canary values, unique to this
 * run, are planted in every personal field of 50 contacts (surrender requests, so cases open, and
 * follow-ups on them); once cases and stats hold those contacts, no canary may be found in any
 * Kafka record (key, value, headers; every topic the broker has), in any table of the case or
 * stats database, in clear in intake's database (it holds them sealed), in any exported span, or in
 * any log. Nor may any secret the stack gave the services, or a bearer token, be in a span or a log.
 *
 * <p>Every request the test sends carries a sampled {@code traceparent} of a trace of its own, so the
 * services trace what it causes as they would for a traced console: intake's request, its SQL and
 * the relay's Kafka send, case- and stats-service consuming and writing, the reads. The spans must
 * have reached {@link TraceCollector} from each service that handled a contact before every span
 * collected in the run (its name, attributes, events, links, status, scope and resource) is
 * searched: a scan of no spans would pass. The services log as production does, JSON lines
 * ({@link ServiceLog}): every line of every service's log must parse, each service must have
 * written some, and every field name and value (the MDC, an exception's messages and frames) is
 * searched, decoded; the other logs (Kafka, PostgreSQL, Keycloak, refused starts) as written.
 */
@ExtendWith(RunningHotline.class)
class CanaryLeakIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SURRENDER_REQUESTS = 30;
    private static final int FOLLOW_UPS = 20;
    /** A day no other system test posts contacts on, so the stats can be awaited exactly. */
    private static final String DAY = "2025-02-17";
    /** The other test's day, so that its contacts do not change this one's count. */
    private static final String OTHER_DAY = "2025-02-18";
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    /** The trace a contact was posted in; a surrender request also opens a case (CaseOpened). */
    private record PostedIn(String traceId, boolean opensCase) {
    }

    @Test
    void noCanaryReachesTopicsOtherDatabasesIntakeInClearTracesOrLogs(Hotline hotline) throws Exception {
        Map<String, List<String>> canaries = new LinkedHashMap<>();
        List<String> references = new ArrayList<>();
        List<String> contactIds = new ArrayList<>();
        List<PostedIn> traces = new ArrayList<>();
        for (int i = 0; i < SURRENDER_REQUESTS; i++) {
            String traceId = Traces.newTraceId();
            var created = Contacts.post(traced(traceId), hotline.intakeUrl(),
                    cannedContact("SURRENDER_REQUEST", null, i, canaries)).then().statusCode(201).extract();
            references.add(created.path("caseReference"));
            contactIds.add(created.path("id"));
            traces.add(new PostedIn(traceId, true));
        }
        await().atMost(DEADLINE).untilAsserted(() -> {
            for (String reference : references) {
                traced(Traces.newTraceId()).baseUri(hotline.caseUrl()).get("/api/v1/cases/{reference}", reference)
                        .then().statusCode(200);
            }
        });
        for (int i = 0; i < FOLLOW_UPS; i++) {
            String traceId = Traces.newTraceId();
            Contacts.post(traced(traceId), hotline.intakeUrl(),
                    cannedContact("FOLLOW_UP", references.get(i), SURRENDER_REQUESTS + i, canaries))
                    .then().statusCode(201);
            traces.add(new PostedIn(traceId, false));
        }
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(Stats.dayTotal(traced(Traces.newTraceId()), hotline,
                "contacts", DAY)).isEqualTo(SURRENDER_REQUESTS + FOLLOW_UPS));
        List<String> planted = canaries.values().stream().flatMap(List::stream).toList();
        assertThat(planted).hasSize((SURRENDER_REQUESTS + FOLLOW_UPS) * 8).doesNotHaveDuplicates();
        await().atMost(DEADLINE).untilAsserted(() -> traces.forEach(posted -> assertHandledByEveryService(hotline, posted)));

        // Sealed, not lost: the scan below can only pass because the data is not there in clear.
        String notes = canaries.get("notes").get(0);
        String readTrace = Traces.newTraceId();
        traced(readTrace).baseUri(hotline.intakeUrl()).header("X-Access-Reason", "canary leak test")
                .get("/api/v1/contacts/{id}", contactIds.get(0))
                .then().statusCode(200).body("details.notes", org.hamcrest.Matchers.containsString(notes));
        // The read's span is the last intake ends: once it has come, so has every span intake ended
        // before it (its exporter sends them in order).
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(hotline.traces().trace(readTrace))
                .anyMatch(span -> span.is("intake-service", SpanKind.SPAN_KIND_SERVER)));

        String intakeText = StoreScan.databaseText(hotline, "intake");
        String casesText = StoreScan.databaseText(hotline, "cases");
        String contactsTopic = StoreScan.topicText(hotline, org.hotline.events.Topics.CONTACTS);
        List<CollectedSpan> spans = hotline.traces().everySpan();
        String spanText = spans.stream().map(span -> String.join("\n", span.texts())).collect(Collectors.joining("\n"));
        // Controls: the case references and contact ids are not personal data and must be found by
        // the same scans (a span names them in its URL), or a scan that read nothing would pass.
        assertThat(List.of(intakeText, casesText, contactsTopic))
                .allSatisfy(text -> assertThat(text).contains(references));
        assertThat(spanText).as("the spans' attribute values").contains(contactIds.get(0), references.get(0));

        StoreScan.assertNoneIn("intake's database in clear", intakeText, planted);
        StoreScan.assertNoneIn("database cases", casesText, planted);
        StoreScan.assertNoneIn("database stats", StoreScan.databaseText(hotline, "stats"), planted);
        for (String topic : StoreScan.everyTopic(hotline)) {
            StoreScan.assertNoneIn("topic " + topic, StoreScan.topicText(hotline, topic), planted);
        }
        assertNoneInAnySpan(spans, planted);
        assertNoneInAnyLog(hotline, planted);
    }

    @Test
    void noSecretOrTokenIsInASpanOrALog(Hotline hotline) throws Exception {
        // At least one request of each kind that carries a token to each service, and one that
        // intake passes on to case-service (a follow-up), so that a logged or traced header would show.
        String contactTrace = Traces.newTraceId();
        var created = Contacts.post(traced(contactTrace), hotline.intakeUrl(), contact("SURRENDER_REQUEST",
                Contacts.freshPhoneNumber(), OTHER_DAY + "T09:00:00Z")).then().statusCode(201).extract();
        String reference = created.path("caseReference");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> traced(Traces.newTraceId())
                .baseUri(hotline.caseUrl()).get("/api/v1/cases/{reference}", reference).then().statusCode(200));
        Map<String, Object> followUp = contact("FOLLOW_UP", Contacts.freshPhoneNumber(), OTHER_DAY + "T09:05:00Z");
        followUp.put("caseReference", reference);
        String followUpTrace = Traces.newTraceId();
        Contacts.post(traced(followUpTrace), hotline.intakeUrl(), followUp).then().statusCode(201);
        String summaryTrace = Traces.newTraceId();
        traced(summaryTrace).baseUri(hotline.statsUrl()).get("/api/v1/stats/summary").then().statusCode(200);
        String refused = RunningHotline.trustedTokens().expired("canary", "operator");
        String refusedTrace = Traces.newTraceId();
        traced(refusedTrace).baseUri(hotline.intakeUrl()).auth().oauth2(refused).contentType("application/json")
                .body("{}").post("/api/v1/contacts").then().statusCode(401);

        await().atMost(DEADLINE).untilAsserted(() -> {
            assertHandledByEveryService(hotline, new PostedIn(contactTrace, true));
            assertHandledByEveryService(hotline, new PostedIn(followUpTrace, false));
            assertThat(hotline.traces().trace(summaryTrace)).as("stats-service's span of the summary read")
                    .anyMatch(span -> span.is("stats-service", SpanKind.SPAN_KIND_SERVER));
            assertThat(hotline.traces().trace(refusedTrace)).as("intake's span of the refused request")
                    .anyMatch(span -> span.is("intake-service", SpanKind.SPAN_KIND_SERVER));
        });

        String token = System.getProperty(RunningHotline.TOKEN_PROPERTY);
        List<String> secrets = new ArrayList<>(List.of(
                hotline.secrets().callerKeySecret(),
                hotline.secrets().personalDataMasterKey(),
                hotline.secrets().caseTextMasterKey(),
                token, signatureOf(token), refused, signatureOf(refused)));
        // The signing key, line by line as any dump of the PEM would show it.
        Path privateKey = hotline.home().resolve("secrets/jwt/private-key.pem");
        Files.readAllLines(privateKey).stream().filter(line -> !line.startsWith("-----") && line.length() >= 32)
                .forEach(secrets::add);
        assertThat(secrets).hasSizeGreaterThan(8).allMatch(secret -> secret.length() >= 32);

        assertNoneInAnySpan(hotline.traces().everySpan(), secrets);
        assertNoneInAnyLog(hotline, secrets);
    }

    /**
     * The contact's trace holds a span of each service that handled it: intake's request and the
     * relay's send, case-service consuming it, stats-service counting it; for a surrender request
     * also case-service sending CaseOpened and stats-service consuming that too.
     */
    private static void assertHandledByEveryService(Hotline hotline, PostedIn posted) {
        List<CollectedSpan> trace = hotline.traces().trace(posted.traceId());
        assertThat(trace).as("intake's request, trace " + posted.traceId())
                .anyMatch(span -> span.is("intake-service", SpanKind.SPAN_KIND_SERVER));
        assertThat(trace).as("the relay's Kafka send, trace " + posted.traceId())
                .anyMatch(span -> span.is("intake-service", SpanKind.SPAN_KIND_PRODUCER));
        assertThat(trace).as("case-service consuming the contact, trace " + posted.traceId())
                .anyMatch(span -> span.is("case-service", SpanKind.SPAN_KIND_CONSUMER));
        assertThat(trace).as("stats-service consuming what the contact caused, trace " + posted.traceId())
                .filteredOn(span -> span.is("stats-service", SpanKind.SPAN_KIND_CONSUMER))
                .hasSizeGreaterThanOrEqualTo(posted.opensCase() ? 2 : 1);
        if (posted.opensCase()) {
            assertThat(trace).as("case-service sending CaseOpened, trace " + posted.traceId())
                    .anyMatch(span -> span.is("case-service", SpanKind.SPAN_KIND_PRODUCER));
        }
    }

    /** Every field of every span the services exported in this run (any test's), as {@link TraceCollector} keeps it. */
    private static void assertNoneInAnySpan(List<CollectedSpan> spans, List<String> forbidden) {
        assertThat(spans).isNotEmpty();
        for (CollectedSpan span : spans) {
            StoreScan.assertNoneIn("%s's span '%s' (trace %s)".formatted(span.service(), span.name(), span.traceId()),
                    String.join("\n", span.texts()), forbidden);
        }
    }

    /**
     * Every log of the stack. The services' are JSON lines, each of which must parse, and each
     * service must have written some: they are searched field by field, decoded.
     */
    private static void assertNoneInAnyLog(Hotline hotline, List<String> forbidden) throws Exception {
        for (ServiceProcess service : List.of(hotline.intake(), hotline.cases(), hotline.stats())) {
            assertThat(ServiceLog.records(service.log())).as("the JSON lines of " + service.log()).isNotEmpty();
        }
        for (Path log : StoreScan.everyLog(hotline)) {
            StoreScan.assertNoneIn(log.toString(), StoreScan.logText(hotline, log), forbidden);
        }
    }

    /**
     * A request with a sampled {@code traceparent} naming the trace, as a traced console or gateway
     * sends it: the services trace what it causes (they start no trace of their own here).
     */
    private static RequestSpecification traced(String traceId) {
        return given().header("traceparent", Traces.traceparent(traceId, Traces.newSpanId()));
    }

    /**
     * A contact whose every personal field holds a canary of its own: phone digits no other test
     * uses (spelt as typed and as digits, E.164 with and without "+"), and a random word in the
     * name, unit, location and notes.
     */
    private static Map<String, Object> cannedContact(String purpose, String reference, int n,
            Map<String, List<String>> canaries) {
        String phone = Contacts.freshPhoneNumber();
        String digits = phone.replaceAll("\\D", "");
        Map<String, String> fields = Map.of("fullName", "Ivan Canary" + word(), "unit", "unit " + word(),
                "location", "village " + word(), "notes", "hiding near the river " + word());
        canaries.computeIfAbsent("identifier", k -> new ArrayList<>()).addAll(List.of(phone, digits, "+" + digits));
        canaries.computeIfAbsent("identifier-national", k -> new ArrayList<>()).add(digits.substring(1));
        fields.forEach((field, value) -> canaries.computeIfAbsent(field, k -> new ArrayList<>())
                .add(value.substring(value.lastIndexOf(' ') + 1)));
        Map<String, Object> body = contact(purpose, phone, DAY + "T%02d:%02d:00Z".formatted(10 + n / 60, n % 60));
        if (reference != null) {
            body.put("caseReference", reference);
        }
        body.put("details", new LinkedHashMap<>(fields));
        return body;
    }

    /** 16 random hex digits behind a marker: found only where a canary was copied. */
    private static String word() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return "cnry" + HexFormat.of().formatHex(bytes);
    }

    private static String signatureOf(String jwt) {
        return jwt.substring(jwt.lastIndexOf('.') + 1);
    }
}
