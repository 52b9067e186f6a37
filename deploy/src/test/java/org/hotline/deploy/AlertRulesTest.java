package org.hotline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The alert rules are checked by Prometheus' own tool: {@code promtool check rules} parses them
 * as Prometheus will, and {@code promtool test rules} runs alerts-test.yml, which feeds each alert
 * the series that should and should not raise it. Without promtool (Debian: package
 * {@code prometheus}) those two tests fail with one line that names the package, as the build's
 * prerequisites check does: an unchecked rule must never look like a checked one.
 */
class AlertRulesTest {

    private static final Path RULES_DIR = Path.of("observability", "prometheus");
    private static final List<String> REQUIRED = List.of("HotlineOutboxStuck", "HotlineConsumerLagging",
            "HotlineDeadLetters", "HotlineCustodyObligationOverdue");

    private static String promtool;

    @BeforeAll
    static void findPromtool() {
        promtool = System.getenv().getOrDefault("PROMTOOL", "promtool");
    }

    @Test
    void promtoolAcceptsTheRules() throws Exception {
        Result result = promtool("check", "rules", "alerts.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void everyAlertFiresOnItsSeriesAndOnlyThere() throws Exception {
        Result result = promtool("test", "rules", "alerts-test.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void theRulesCoverOutboxAgeConsumerLagDeadLettersAndOverdueCustody() throws IOException {
        assertThat(alertNames(read("alerts.yml"))).containsAll(REQUIRED);
    }

    @Test
    void everyAlertHasATestWhereItFires() throws IOException {
        List<String> tested = new ArrayList<>();
        read("alerts-test.yml").path("tests").forEach(test -> test.path("alert_rule_test").forEach(check -> {
            if (!check.path("exp_alerts").isEmpty()) {
                tested.add(check.path("alertname").asText());
            }
        }));

        assertThat(tested).containsAll(alertNames(read("alerts.yml")));
    }

    @Test
    void everyAlertHasASeverityAndASummary() throws IOException {
        read("alerts.yml").path("groups").forEach(group -> group.path("rules").forEach(rule -> {
            assertThat(rule.path("labels").path("severity").asText()).as("severity of %s", rule.path("alert"))
                    .isIn("warning", "critical");
            assertThat(rule.path("annotations").path("summary").asText()).as("summary of %s", rule.path("alert"))
                    .isNotBlank();
        }));
    }

    private static List<String> alertNames(JsonNode rules) {
        List<String> names = new ArrayList<>();
        rules.path("groups").forEach(group -> group.path("rules").forEach(rule -> names.add(rule.path("alert").asText())));
        return names;
    }

    private static JsonNode read(String file) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(RULES_DIR.resolve(file).toFile());
    }

    private static Result promtool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(promtool));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(RULES_DIR.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            // The wording of stack.d/prerequisites, which `./mvnw test -pl deploy` alone does not run.
            throw new AssertionError("error: the alert-rule tests need promtool (" + promtool + "), which this machine"
                    + " lacks. Install it with: sudo apt-get install -y prometheus (or point PROMTOOL at it)", e);
        }
        // Read to the end first: a process whose output nobody drains can block on a full pipe.
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished within 60 s").isTrue();
        return new Result(process.exitValue(), output);
    }

    private record Result(int exitCode, String output) {
    }
}
