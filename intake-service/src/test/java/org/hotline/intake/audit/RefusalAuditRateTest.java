package org.hotline.intake.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline.intake.OwnSettingsProfile;
import org.hotline.audit.SuppressedRefusals;
import org.hotline.testing.AuditTrail;
import org.hotline.testing.AuditTrail.Entry;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * Refusals are audited with a rate limit per source address: past a source's burst, a refusal is
 * counted, not written, and the counts go into one summary row, so the log still says how many
 * came. Each test is a source of its own (X-Forwarded-For, believed in this profile only).
 */
@QuarkusTest
@TestProfile(OwnSettingsProfile.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class RefusalAuditRateTest {

    private static final AuditTrail AUDIT = AuditTrail.of("intake");
    private static final Pattern COUNT_401 = Pattern.compile("refused-401 x(\\d+)");

    @Inject
    SuppressedRefusals suppressed;

    @Test
    void pastItsBurstASourcesRefusalsAreCountedIntoASummaryRowNotWrittenOneByOne() {
        String source = "203.0.113.7";
        String probe = UUID.randomUUID().toString();
        for (int i = 0; i < 7; i++) {
            given().header("X-Forwarded-For", source).header("X-Access-Reason", "probing")
                    .get("/api/v1/contacts/{id}", probe).then().statusCode(401);
        }

        Entry refusal = new Entry("anonymous", "http.refused", "GET /api/v1/contacts/" + probe, null, "refused-401");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(AUDIT.about(refusal.subject())).containsExactly(refusal, refusal));
        assertThat(summarisedRefusalsOf401Awaiting(5)).isEqualTo(5);
        assertThat(AUDIT.about(refusal.subject())).hasSize(2);
    }

    @Test
    void anotherSourceStillHasItsOwnRefusalsWritten() {
        String probe = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", "198.51.100.1").get("/api/v1/contacts/{id}", probe).then().statusCode(401);
        }
        given().header("X-Forwarded-For", "198.51.100.2").get("/api/v1/contacts/{id}", probe).then().statusCode(401);

        Entry refusal = new Entry("anonymous", "http.refused", "GET /api/v1/contacts/" + probe, null, "refused-401");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(AUDIT.about(refusal.subject())).containsExactly(refusal, refusal, refusal));
        summarisedRefusalsOf401Awaiting(1);
    }

    /**
     * Writes summaries until they add up to {@code expected} 401s (a refusal is counted as its
     * response ends, which may be just after the client has read it), checking each is on file.
     */
    private long summarisedRefusalsOf401Awaiting(long expected) {
        List<String> outcomes = new CopyOnWriteArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            String outcome = suppressed.recordSummary();
            if (outcome != null) {
                outcomes.add(outcome);
            }
            return outcomes.stream().mapToLong(RefusalAuditRateTest::count401).sum() >= expected;
        });
        assertThat(outcomes).allSatisfy(outcome -> assertThat(AUDIT.ofAction("http.refused.suppressed"))
                .contains(new Entry("anonymous", "http.refused.suppressed", null, null, outcome)));
        return outcomes.stream().mapToLong(RefusalAuditRateTest::count401).sum();
    }

    private static long count401(String outcome) {
        Matcher matcher = COUNT_401.matcher(outcome);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }
}
