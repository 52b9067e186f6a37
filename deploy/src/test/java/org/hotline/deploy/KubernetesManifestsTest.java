package org.hotline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The manifests quarkus-kubernetes wrote into kubernetes/ when the services were packaged: what
 * Kubernetes needs to run each service safely, and no secret.
 */
class KubernetesManifestsTest {

    private static final Path MANIFESTS = Path.of("kubernetes");
    /** case-service and stats-service share their consumer groups' partitions; intake is the front door. */
    private static final Map<String, Integer> MIN_REPLICAS = Map.of("intake-service", 2, "case-service", 2,
            "stats-service", 2);

    @ParameterizedTest
    @ValueSource(strings = {"intake-service", "case-service", "stats-service"})
    void probesAskTheHealthEndpointsOnTheServicePort(String service) throws IOException {
        JsonNode container = container(service);
        JsonNode port = container.path("ports").get(0);

        assertThat(port.path("name").asText()).isEqualTo("http");
        assertThat(probe(container, "livenessProbe")).isEqualTo("/q/health/live");
        assertThat(probe(container, "readinessProbe")).isEqualTo("/q/health/ready");
        assertThat(probe(container, "startupProbe")).isEqualTo("/q/health/started");
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            assertThat(container.path(probe).path("httpGet").path("port").asText()).as("port of the %s", probe)
                    .isIn(port.path("containerPort").asText(), "http");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"intake-service", "case-service", "stats-service"})
    void replicasAndResourcesAreSet(String service) throws IOException {
        JsonNode deployment = deployment(service);
        JsonNode resources = container(service).path("resources");

        assertThat(deployment.path("spec").path("replicas").asInt()).isGreaterThanOrEqualTo(MIN_REPLICAS.get(service));
        for (String kind : List.of("requests", "limits")) {
            assertThat(resources.path(kind).path("cpu").asText()).as("cpu %s", kind).isNotBlank();
            assertThat(resources.path(kind).path("memory").asText()).as("memory %s", kind).isNotBlank();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"intake-service", "case-service", "stats-service"})
    void configurationComesFromConfigMapsAndSecretsThatAreNotInTheRepository(String service) throws IOException {
        JsonNode container = container(service);
        List<String> secrets = new ArrayList<>();
        List<String> configMaps = new ArrayList<>();
        container.path("envFrom").forEach(source -> {
            secrets.add(source.path("secretRef").path("name").asText(null));
            configMaps.add(source.path("configMapRef").path("name").asText(null));
        });

        assertThat(secrets).contains(service + "-secrets");
        assertThat(configMaps).contains("hotline", service);
        assertThat(documents(service)).extracting(document -> document.path("kind").asText())
                .doesNotContain("Secret", "ConfigMap");
        container.path("env").forEach(variable -> assertThat(variable.has("value")
                && variable.path("name").asText().matches(".*(PASSWORD|SECRET).*"))
                .as("%s of %s carries a literal value", variable.path("name").asText(), service).isFalse());
    }

    @ParameterizedTest
    @ValueSource(strings = {"intake-service", "case-service", "stats-service"})
    void aJobMigratesOnceWithTheOwnersSecretAndEachPodWaitsForIt(String service) throws IOException {
        String job = service + "-flyway-init";
        JsonNode migration = documents(service).stream()
                .filter(document -> document.path("kind").asText().equals("Job"))
                .filter(document -> document.path("metadata").path("name").asText().equals(job))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Job " + job + " in " + file(service)));
        JsonNode migrator = migration.path("spec").path("template").path("spec").path("containers").get(0);
        JsonNode container = container(service);

        assertThat(migrator.path("image").asText()).as("image of the Job (named in %s/src/main/kubernetes)", service)
                .isEqualTo(container.path("image").asText());
        assertThat(variables(migrator)).containsEntry("QUARKUS_INIT_AND_EXIT", "true");
        assertThat(secretsOf(migrator)).contains(service + "-migration-secrets", service + "-secrets");
        assertThat(migration.path("spec").path("template").path("spec").path("restartPolicy").asText())
                .isIn("OnFailure", "Never");

        assertThat(secretsOf(container)).as("Secrets of the running service").doesNotContain(service + "-migration-secrets");
        assertThat(variables(container)).containsEntry("QUARKUS_FLYWAY_ACTIVE", "false");
        JsonNode waits = deployment(service).path("spec").path("template").path("spec").path("initContainers");
        List<String> waitsFor = new ArrayList<>();
        waits.forEach(init -> init.path("args").forEach(argument -> waitsFor.add(argument.asText())));
        assertThat(waitsFor).as("what the init containers of %s wait for", service).containsExactly("job", job);
    }

    @ParameterizedTest
    @ValueSource(strings = {"intake-service", "case-service", "stats-service"})
    void prometheusIsToldWhereTheMetricsAre(String service) throws IOException {
        JsonNode annotations = deployment(service).path("spec").path("template").path("metadata").path("annotations");

        assertThat(annotations.path("prometheus.io/scrape").asText()).isEqualTo("true");
        assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo("/q/metrics");
    }

    private static List<String> secretsOf(JsonNode container) {
        List<String> secrets = new ArrayList<>();
        container.path("envFrom").forEach(source -> secrets.add(source.path("secretRef").path("name").asText(null)));
        return secrets;
    }

    private static Map<String, String> variables(JsonNode container) {
        Map<String, String> variables = new HashMap<>();
        container.path("env").forEach(variable -> variables.put(variable.path("name").asText(),
                variable.path("value").asText(null)));
        return variables;
    }

    private static String probe(JsonNode container, String probe) {
        return container.path(probe).path("httpGet").path("path").asText();
    }

    private static JsonNode container(String service) throws IOException {
        JsonNode containers = deployment(service).path("spec").path("template").path("spec").path("containers");
        assertThat(containers.size()).as("containers of %s", service).isEqualTo(1);
        return containers.get(0);
    }

    private static JsonNode deployment(String service) throws IOException {
        return documents(service).stream()
                .filter(document -> document.path("kind").asText().equals("Deployment"))
                .filter(document -> document.path("metadata").path("name").asText().equals(service))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment " + service + " in " + file(service)));
    }

    private static List<JsonNode> documents(String service) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (MappingIterator<JsonNode> documents = yaml.readerFor(JsonNode.class).readValues(file(service).toFile())) {
            return documents.readAll().stream().filter(document -> !document.isEmpty()).toList();
        }
    }

    private static Path file(String service) {
        return MANIFESTS.resolve(service).resolve("kubernetes.yml");
    }
}
