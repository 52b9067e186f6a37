package org.hotline.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline.intake.Contacts;
import org.hotline.intake.FakeCaseService;
import org.hotline.intake.IntakeDatabase;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.hotline.problem.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * One guard per class of hostile input: each gets a 4xx problem, stores nothing and leaves no
 * ERROR in the log. (The system tests throw hundreds of inputs; this is the module's own check.)
 */
@QuarkusTest
// Reads contacts on no case, with a reason, as a supervisor may (need to know: a case officer alone
// reads only contacts of cases assigned to him; NeedToKnowTest shows that).
@TestSecurity(user = "operator-3", roles = { Roles.OPERATOR, Roles.CASE_OFFICER, Roles.SUPERVISOR })
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@WithTestResource(FakeCaseService.class)
class HostileInputTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final List<LogRecord> errors = new CopyOnWriteArrayList<>();
    private final Handler errorCatcher = new Handler() {
        @Override
        public void publish(LogRecord record) {
            // The in-process broker complains when this machine is slow; that is not intake's doing.
            if (record.getLevel().intValue() >= Level.SEVERE.intValue() && record.getLoggerName() != null
                    && !record.getLoggerName().startsWith("org.apache.kafka") && !record.getLoggerName().startsWith("kafka")
                    && !record.getLoggerName().startsWith("state.change")) {
                errors.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private long contactsBefore;

    @BeforeEach
    void watch() {
        Logger.getLogger("").addHandler(errorCatcher);
        contactsBefore = IntakeDatabase.contacts();
    }

    @AfterEach
    void nothingLoggedAsAnError() {
        Logger.getLogger("").removeHandler(errorCatcher);
        assertThat(errors).extracting(LogRecord::getMessage).isEmpty();
    }

    @Test
    void anOversizedContactIsTooLarge() {
        post(contactWithNotes("n".repeat((int) BodyLimits.MAX_CONTACT_BYTES + 1))).statusCode(413).contentType(PROBLEM_JSON);

        assertNothingStored();
    }

    @Test
    void anImportOverTheBodyLimitIsTooLarge() throws Exception {
        // Only the headers are sent: the refusal must come from the announced length alone,
        // before the server reads (or the client sends) 17 MiB.
        try (Socket socket = new Socket(URI.create(RestAssured.baseURI).getHost(), RestAssured.port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /api/v1/contacts:batch HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/x-ndjson\r\nContent-Length: " + 17 * 1024 * 1024 + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String response = readResponse(socket.getInputStream());

            assertThat(response).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: " + PROBLEM_JSON)
                    .contains("\"status\":413");
        }
        assertNothingStored();
    }

    @Test
    void aChunkedContactOverTheBodyLimitIsTooLarge() throws Exception {
        // No Content-Length to refuse it by: the limit must hold as the chunks arrive.
        assertProblem(chunked("/api/v1/contacts", contactWithNotes("n".repeat((int) BodyLimits.MAX_CONTACT_BYTES + 1))),
                413);

        assertNothingStored();
    }

    @Test
    void aChunkedContactWithinTheLimitIsStillRecorded() throws Exception {
        // The counting read hands the whole body on; a lost body would be a 400 here.
        HttpResponse<String> response = chunked("/api/v1/contacts", contactWithNotes("chunked but small"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(IntakeDatabase.contacts()).isEqualTo(contactsBefore + 1);
    }

    @Test
    void deeplyNestedJsonIsABadRequest() throws Exception {
        String nested = "[".repeat(20_000) + "]".repeat(20_000);

        assertProblem(raw("/api/v1/contacts", "application/json", "{\"channel\": " + nested + "}"), 400);
        assertProblem(raw("/api/v1/contacts", "application/json", nested), 400);

        assertNothingStored();
    }

    @Test
    void invalidUtf8IsABadRequest() throws Exception {
        String json = contactWithNotes("@@");
        int at = json.indexOf("@@");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(json.substring(0, at).getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] { (byte) 0xFF, (byte) 0xFE, (byte) 0xC3 });
        body.writeBytes(json.substring(at + 2).getBytes(StandardCharsets.UTF_8));

        assertProblem(raw("/api/v1/contacts", "application/json", body.toByteArray()), 400);

        assertNothingStored();
    }

    @Test
    void controlCharactersAreRefusedInIdentifiersAndNamesButNotLineBreaksInNotes() {
        post("""
                {"channel": "PHONE", "purpose": "INFORMATION",
                 "caller": {"identifier": "+7912\\u0000", "role": "OTHER"},
                 "details": {"fullName": "Ivan\\u001b[2J", "unit": "\\u0085", "notes": "bell\\u0007"}}
                """)
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", equalTo(List.of("caller.identifier", "details.fullName", "details.notes",
                        "details.unit")));
        post(contactWithNotes("lone surrogate \\ud800 here")).statusCode(400)
                .body("errors.field", equalTo(List.of("details.notes")));
        assertNothingStored();

        UUID id = UUID.fromString(post(contactWithNotes("first line\\nsecond line\\r\\n\\tindented"))
                .statusCode(201).extract().path("id"));
        assertThat(Contacts.read(id, "test: notes kept").extract().<String>path("details.notes"))
                .isEqualTo("first line\nsecond line\r\n\tindented");
    }

    @Test
    void stringsOverTheirLimitsAreRefused() {
        post("""
                {"channel": "PHONE", "purpose": "INFORMATION", "caller": {"identifier": "%s", "role": "OTHER"},
                 "details": {"fullName": "%s", "unit": "%s", "location": "%s", "notes": "%s"}}
                """.formatted("7".repeat(65), "f".repeat(201), "u".repeat(201), "l".repeat(201), "n".repeat(2001)))
                .statusCode(400)
                .body("errors.field", equalTo(List.of("caller.identifier", "details.fullName", "details.location",
                        "details.notes", "details.unit")));

        assertNothingStored();
    }

    @Test
    void aWrongContentTypeIsUnsupported() {
        given().contentType(ContentType.TEXT).body(contactWithNotes("x")).when().post("/api/v1/contacts").then()
                .statusCode(415).contentType(PROBLEM_JSON);
        given().contentType(ContentType.JSON).body(contactWithNotes("x")).when().post("/api/v1/contacts:batch").then()
                .statusCode(415).contentType(PROBLEM_JSON);

        assertNothingStored();
    }

    @Test
    void aWrongMethodIsNotAllowed() {
        given().when().delete("/api/v1/contacts").then().statusCode(405).contentType(PROBLEM_JSON);
        given().contentType(ContentType.JSON).body("{}").when().put("/api/v1/contacts/{id}", UUID.randomUUID())
                .then().statusCode(405).contentType(PROBLEM_JSON);
        given().when().get("/api/v1/contacts:batch").then().statusCode(405).contentType(PROBLEM_JSON);
    }

    @Test
    void farFuturePreLaunchAndImpossibleDatesAreRefused() {
        for (String receivedAt : List.of("+999999999-12-31T23:59:59Z", Instant.now().plus(365, ChronoUnit.DAYS).toString(),
                "2022-09-17T20:59:59Z", "-999999999-01-01T00:00:00Z", "2023-02-30T10:00:00Z", "yesterday")) {
            post("""
                    {"channel": "PHONE", "purpose": "INFORMATION", "receivedAt": "%s",
                     "caller": {"identifier": "%s", "role": "OTHER"}}
                    """.formatted(receivedAt, Contacts.freshPhoneNumber()))
                    .statusCode(400)
                    .body("errors.field", equalTo(List.of("receivedAt")));
        }
        for (String birthDate : List.of("-999999999-01-01", "1899-12-31", "2999-01-01", "1990-13-01")) {
            post("""
                    {"channel": "PHONE", "purpose": "INFORMATION", "details": {"birthDate": "%s"},
                     "caller": {"identifier": "%s", "role": "OTHER"}}
                    """.formatted(birthDate, Contacts.freshPhoneNumber()))
                    .statusCode(400)
                    .body("errors.field", equalTo(List.of("details.birthDate")));
        }

        assertNothingStored();
    }

    @Test
    void injectionTextIsStoredAsPlainTextAndReturnedEscaped() {
        String hostile = "Robert'); DROP TABLE contact; -- <script>alert(\"x\")</script> ${jndi:ldap://x} %s %n";

        UUID id = UUID.fromString(post("""
                {"channel": "WEB_FORM", "purpose": "INFORMATION", "caller": {"identifier": "%s", "role": "OTHER"},
                 "details": {"fullName": "%s", "notes": "%s"}}
                """.formatted(Contacts.freshPhoneNumber(), jsonEscaped(hostile), jsonEscaped(hostile)))
                .statusCode(201).extract().path("id"));

        var read = Contacts.read(id, "test: hostile text").statusCode(200).contentType(ContentType.JSON).extract();
        assertThat(read.<String>path("details.fullName")).isEqualTo(hostile);
        assertThat(read.<String>path("details.notes")).isEqualTo(hostile);
        assertThat(read.asString()).contains("\\\"x\\\"");
        assertThat(IntakeDatabase.count("select count(*) from contact where id = ?", id)).isEqualTo(1);
    }

    @Test
    void unknownAndMalformedIdsAreClientErrors() {
        Contacts.read(UUID.randomUUID(), "test").statusCode(404).contentType(PROBLEM_JSON);
        int status = given().header("X-Access-Reason", "test").when().get("/api/v1/contacts/" + "9".repeat(2000))
                .then().contentType(PROBLEM_JSON).extract().statusCode();
        assertThat(status).isBetween(400, 499);
    }

    /** One HTTP/1.1 response, read up to the end of its body (the connection may stay open). */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        int headerEnd = -1;
        int bodyLength = 0;
        while (headerEnd < 0 || read.size() < headerEnd + bodyLength) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            read.write(b);
            String text = read.toString(StandardCharsets.ISO_8859_1);
            if (headerEnd < 0 && text.endsWith("\r\n\r\n")) {
                headerEnd = text.length();
                Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(text);
                bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
            }
        }
        return read.toString(StandardCharsets.UTF_8);
    }

    /** Sent without RestAssured, whose request log would pretty-print a hostile body for ever. */
    private static HttpResponse<String> raw(String path, String contentType, String body) throws Exception {
        return raw(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> raw(String path, String contentType, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sent in chunks, without a Content-Length (the client cannot know the length of a stream). */
    private static HttpResponse<String> chunked(String path, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String baseUrl() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains(PROBLEM_JSON);
    }

    private void assertNothingStored() {
        assertThat(IntakeDatabase.contacts()).isEqualTo(contactsBefore);
    }

    private static String contactWithNotes(String notes) {
        return """
                {"channel": "PHONE", "purpose": "INFORMATION", "caller": {"identifier": "%s", "role": "OTHER"},
                 "details": {"notes": "%s"}}
                """.formatted(Contacts.freshPhoneNumber(), notes);
    }

    private static String jsonEscaped(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static ValidatableResponse post(String json) {
        return given().contentType(ContentType.JSON).body(json).when().post("/api/v1/contacts").then();
    }
}
