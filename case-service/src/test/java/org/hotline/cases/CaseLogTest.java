package org.hotline.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.cases.Contacts.newCallerKey;
import static org.hotline.cases.Contacts.newReference;
import static org.hotline.cases.Contacts.now;
import static org.hotline.cases.Contacts.send;
import static org.hotline.cases.Contacts.sendAsRelayed;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hotline.events.CallerRole;
import org.hotline.events.ContactRecorded;
import org.hotline.events.Purpose;
import org.hotline.problem.Roles;
import org.hotline.testing.RealInfrastructure;
import org.hotline.testing.Traces;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;

/**
 * The JSON log lines production writes: a line about a contact carries, in its {@code mdc}, the
 * event id of the record being applied and the trace the contact arrived in, so an operator finds
 * one contact's lines across the services with {@code jq}. The lines go to a file here, through
 * the same JSON formatter (quarkus-logging-json) that writes production's console.
 */
@QuarkusTest
@TestProfile(OwnSettingsProfile.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "cases"))
class CaseLogTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aLineAboutAContactIsJsonWithTheEventIdAndTraceIdOfItsRecord() {
        String traceId = Traces.newTraceId();
        String reference = newReference();
        // A follow-up naming a case not opened yet: case-service keeps it and says so in a warning.
        ContactRecorded followUp = sendAsRelayed(Contacts.contact(newCallerKey(), CallerRole.SERVICEMAN,
                Purpose.FOLLOW_UP, reference, now()), Traces.traceparent(traceId, Traces.newSpanId()));

        JsonNode line = await().atMost(Duration.ofSeconds(60)).until(
                () -> linesAbout(reference), lines -> !lines.isEmpty()).get(0);

        assertThat(line.path("level").asText()).isEqualTo("WARN");
        assertThat(line.path("message").asText()).contains("kept as unsettled");
        assertThat(line.path("mdc").path("eventId").asText()).isEqualTo(followUp.eventId().toString());
        assertThat(line.path("mdc").path("traceId").asText()).isEqualTo(traceId);
    }

    @Test
    @TestSecurity(user = Officers.OFFICER, roles = Roles.CASE_OFFICER)
    void noLineCarriesTheWordsOfAnAccessReason() throws IOException {
        String reference = newReference();
        ContactRecorded contact = send(Contacts.surrenderRequest(newCallerKey(), reference));
        CaseApi.awaitCase(reference, c -> true);
        Officers.assignToMe(reference);
        String canary = "canary-" + UUID.randomUUID();

        PersonalDataTest.read(reference, contact.contactId(), "to tell " + canary + " he is alive")
                .then().statusCode(503);
        // A line written after the read: once it is in the file, so is anything the read logged.
        String fence = newReference();
        sendAsRelayed(Contacts.contact(newCallerKey(), CallerRole.SERVICEMAN, Purpose.FOLLOW_UP, fence, now()),
                Traces.traceparent(Traces.newTraceId(), Traces.newSpanId()));
        await().atMost(Duration.ofSeconds(60)).until(() -> linesAbout(fence), lines -> !lines.isEmpty());

        assertThat(linesAbout(canary)).isEmpty();
    }

    /** Every line of the file parsed as JSON (a line that is not fails the test), those holding {@code reference}. */
    private List<JsonNode> linesAbout(String reference) throws IOException {
        List<JsonNode> about = new ArrayList<>();
        if (!Files.exists(OwnSettingsProfile.LOG)) {
            return about;
        }
        String written = Files.readString(OwnSettingsProfile.LOG);
        // Only whole lines: the service may be writing the last one now.
        for (String text : written.substring(0, written.lastIndexOf('\n') + 1).split("\n")) {
            if (text.isBlank()) {
                continue;
            }
            JsonNode line = json.readTree(text);
            // Anywhere in the line: its message, its exception, its mdc.
            if (text.contains(reference)) {
                about.add(line);
            }
        }
        return about;
    }
}
