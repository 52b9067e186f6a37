package org.hotline.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.events.TopicAccess;
import org.hotline.events.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Static checks of docker-compose.yml against the services' own configuration: a container
 * variable that no application.properties key reads is silently ignored, and a wrong port or a
 * missing health condition only shows up when someone runs the stack. And of
 * docker-compose.kafka-cluster.yml's Kafka security: SASL_SSL everywhere a client connects, a login
 * per service, no password in the file.
 */
class ComposeConfigurationTest {

    private static final Pattern PROFILE_PREFIX = Pattern.compile("^%[^.]+\\.");
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)([^}]*)}");
    private static final String CLUSTER_FILE = "docker-compose.kafka-cluster.yml";
    private static final Set<String> CONDITIONS = Set.of("service_healthy", "service_completed_successfully");

    private static Path repoRoot;
    private static JsonNode services;
    /** The services built from a module of this repository, by compose name: the module folder. */
    private static Map<String, Path> builtServices;

    @BeforeAll
    static void readCompose() throws IOException {
        repoRoot = RepositoryRoot.locate();
        // SnakeYAML resolves the merge keys ("<<: *intake-service-environment") that Jackson's YAML
        // parser would leave as a field of their own.
        JsonNode compose;
        try (Reader reader = Files.newBufferedReader(repoRoot.resolve("docker-compose.yml"))) {
            compose = new ObjectMapper().valueToTree(new Yaml().load(reader));
        }
        services = compose.path("services");
        assertThat(services.isObject()).as("docker-compose.yml has a services map").isTrue();

        builtServices = new LinkedHashMap<>();
        services.fields().forEachRemaining(entry -> {
            JsonNode build = entry.getValue().get("build");
            if (build != null && !isMigration(entry.getValue())) {
                String context = build.isTextual() ? build.asText() : build.path("context").asText();
                builtServices.put(entry.getKey(), repoRoot.resolve(context).normalize());
            }
        });
    }

    @Test
    void theThreeServicesAreBuiltFromTheirModulesDockerfileJvm() {
        assertThat(builtServices.values())
                .extracting(module -> module.getFileName().toString())
                .containsExactlyInAnyOrder("intake-service", "case-service", "stats-service");
        builtServices.forEach((name, module) -> {
            JsonNode build = services.get(name).get("build");
            String dockerfile = build.path("dockerfile").asText("Dockerfile");
            assertThat(module.resolve(dockerfile)).as("Dockerfile of %s", name).isRegularFile();
            assertThat(dockerfile).as("Dockerfile of %s", name).isEqualTo("src/main/docker/Dockerfile.jvm");
        });
    }

    @Test
    void everyServiceVariableMapsToAKeyOfItsApplicationProperties() throws IOException {
        for (Map.Entry<String, Path> service : builtServices.entrySet()) {
            Set<String> known = envNamesOfKeys(applicationProperties(service.getValue()));
            Set<String> variables = environment(services.get(service.getKey())).keySet();
            assertThat(variables).as("variables of %s", service.getKey()).isNotEmpty();
            assertThat(known)
                    .as("env forms of the keys in %s/src/main/resources/application.properties, "
                            + "which must cover every variable the container sets", service.getValue().getFileName())
                    .containsAll(variables);
        }
    }

    @Test
    void eachServiceStartsAfterItsOneShotMigrationTheOnlyHolderOfTheOwnersPassword() {
        for (String name : builtServices.keySet()) {
            String migration = name + "-migrate";
            JsonNode service = services.get(name);
            JsonNode migrate = services.path(migration);

            assertThat(service.path("depends_on").path(migration).path("condition").asText())
                    .as("%s waits for %s to exit 0", name, migration).isEqualTo("service_completed_successfully");
            assertThat(environment(service)).as("environment of %s, which runs as its runtime role only", name)
                    .doesNotContainKeys("QUARKUS_FLYWAY_USERNAME", "QUARKUS_FLYWAY_PASSWORD");
            assertThat(isMigration(migrate)).as("%s runs the jar with QUARKUS_INIT_AND_EXIT=true", migration).isTrue();
            assertThat(migrate.path("image").asText()).as("image of %s", migration).isEqualTo(service.path("image").asText());
            assertThat(environment(migrate)).as("environment of %s: the service's, plus the owner's login", migration)
                    .containsAllEntriesOf(environment(service))
                    .containsKeys("QUARKUS_FLYWAY_USERNAME", "QUARKUS_FLYWAY_PASSWORD");
            assertThat(migrate.has("ports")).as("%s publishes no port", migration).isFalse();
        }
    }

    @Test
    void theContainerPortsAndHealthcheckUseQuarkusHttpPort() throws IOException {
        for (Map.Entry<String, Path> service : builtServices.entrySet()) {
            String name = service.getKey();
            String httpPort = applicationProperties(service.getValue()).getProperty("quarkus.http.port");
            assertThat(httpPort).as("quarkus.http.port of %s", name).isNotBlank();
            JsonNode definition = services.get(name);

            String overridden = environment(definition).get("QUARKUS_HTTP_PORT");
            if (overridden != null) {
                assertThat(overridden).as("QUARKUS_HTTP_PORT of %s", name).isEqualTo(httpPort);
            }
            List<String> containerPorts = containerPorts(definition);
            assertThat(containerPorts).as("published container ports of %s", name).containsExactly(httpPort);
            // The shell's /dev/tcp, not curl or wget: a JRE base image need not have either.
            assertThat(healthcheckCommand(definition))
                    .as("healthcheck of %s", name)
                    .contains("/dev/tcp/127.0.0.1/" + httpPort, "GET /q/health/ready")
                    .doesNotContain("curl", "wget");
            assertThat(Files.readString(service.getValue().resolve("src/main/docker/Dockerfile.jvm")))
                    .as("Dockerfile.jvm of %s", name)
                    .containsPattern("(?m)^EXPOSE\\s+" + httpPort + "\\s*$");
        }
    }

    @Test
    void intakeAndCaseServiceReachEachOtherByContainerNameAndHttpPort() throws IOException {
        String casePort = applicationProperties(builtServices.get("case-service")).getProperty("quarkus.http.port");
        String intakePort = applicationProperties(builtServices.get("intake-service")).getProperty("quarkus.http.port");

        assertThat(environment(services.get("intake-service")).get("QUARKUS_REST_CLIENT_CASE_SERVICE_URL"))
                .as("where intake-service finds case-service").isEqualTo("http://case-service:" + casePort);
        assertThat(environment(services.get("case-service")).get("QUARKUS_REST_CLIENT_INTAKE_SERVICE_URL"))
                .as("where case-service finds intake-service").isEqualTo("http://intake-service:" + intakePort);
    }

    @Test
    void everyLongRunningServiceHasAHealthcheck() {
        Set<String> oneShot = oneShotServices();
        services.fields().forEachRemaining(entry -> {
            if (!oneShot.contains(entry.getKey())) {
                assertThat(healthcheckCommand(entry.getValue()))
                        .as("healthcheck test of %s", entry.getKey())
                        .isNotBlank();
            }
        });
    }

    @Test
    void everyDependencyWaitsForHealthOrSuccessfulCompletion() {
        services.fields().forEachRemaining(entry -> {
            JsonNode dependsOn = entry.getValue().get("depends_on");
            if (dependsOn == null) {
                return;
            }
            assertThat(dependsOn.isObject())
                    .as("depends_on of %s is a map with a condition per dependency, not a plain list", entry.getKey())
                    .isTrue();
            dependsOn.fields().forEachRemaining(dependency -> {
                assertThat(services.has(dependency.getKey()))
                        .as("%s depends on a defined service %s", entry.getKey(), dependency.getKey())
                        .isTrue();
                assertThat(dependency.getValue().path("condition").asText())
                        .as("condition of %s on %s", entry.getKey(), dependency.getKey())
                        .isIn(CONDITIONS);
            });
        });
        builtServices.keySet().forEach(name ->
                assertThat(services.get(name).path("depends_on").isObject())
                        .as("%s waits for its database and Kafka", name)
                        .isTrue());
    }

    @Test
    void secretsComeFromTheEnvironmentAndEveryRequiredOneIsInEnvExample() throws IOException {
        Set<String> referenced = new TreeSet<>();
        services.fields().forEachRemaining(entry ->
                environment(entry.getValue()).forEach((variable, value) -> {
                    if (variable.contains("PASSWORD") || variable.contains("SECRET")) {
                        assertThat(value)
                                .as("%s of %s comes from .env, never written into docker-compose.yml", variable, entry.getKey())
                                .matches("\\$\\{[A-Za-z_][A-Za-z0-9_]*(:?\\?[^}]*)?}");
                    }
                }));
        Matcher matcher = INTERPOLATION.matcher(Files.readString(repoRoot.resolve("docker-compose.yml")));
        while (matcher.find()) {
            if (!matcher.group(2).startsWith(":-") && !matcher.group(2).startsWith("-")) {
                referenced.add(matcher.group(1));
            }
        }
        Properties example = new Properties();
        try (Reader reader = Files.newBufferedReader(repoRoot.resolve(".env.example"))) {
            example.load(reader);
        }
        assertThat(example.stringPropertyNames())
                .as("variables in .env.example, which must name every variable docker-compose.yml requires")
                .containsAll(referenced);
    }

    @Test
    void theTopicInitCreatesTheTopicsFromTheirOneDefinition() throws IOException {
        Set<String> oneShot = oneShotServices();
        assertThat(oneShot).as("a one-shot topic-init service the others wait for").isNotEmpty();
        List<String> creators = oneShot.stream()
                .filter(name -> commandText(services.get(name)).contains("kafka-topics.sh"))
                .toList();
        assertThat(creators).as("one-shot services that run kafka-topics.sh").hasSize(1);
        JsonNode topicInit = services.get(creators.get(0));
        String command = commandText(topicInit);

        assertThat(command)
                .as("the topic-init command runs org.hotline.events.Topics and hands each printed line to kafka-topics.sh")
                .contains("java -cp /hotline/events " + Topics.class.getName() + " $$HOTLINE_TOPIC_REPLICATION")
                .contains("--bootstrap-server kafka:19092 --create --if-not-exists")
                .doesNotContain("--partitions", "--replication-factor", "--config", "TOPIC_PARTITIONS");
        assertThat(environment(topicInit))
                .as("environment of the topic-init service: one broker, nothing to replicate, no login (PLAINTEXT)")
                .containsExactly(Map.entry("HOTLINE_TOPIC_REPLICATION", ""), Map.entry("HOTLINE_KAFKA_CLIENT_PROPERTIES", ""));
        assertThat(command).as("the topic-init command hands kafka-topics.sh the client settings it is given")
                .contains("--command-config /tmp/client.properties");
        assertThat(topicInit.path("volumes").toString())
                .as("the compiled events module, mounted where the command looks for it")
                .contains("./events/target/classes:/hotline/events");
        String compose = Files.readString(repoRoot.resolve("docker-compose.yml"));
        for (String topic : Topics.all()) {
            assertThat(compose).as("docker-compose.yml names no topic itself").doesNotContain(topic);
        }
    }

    @Test
    void theClusterBrokersAcceptOnlyScramOverTlsAndAuthorizeEveryRequest() throws IOException {
        JsonNode cluster = clusterServices();
        for (String broker : List.of("kafka", "kafka-2", "kafka-3")) {
            Map<String, String> environment = environment(cluster.path(broker));
            Map<String, String> protocols = new LinkedHashMap<>();
            for (String entry : environment.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(",")) {
                protocols.put(entry.substring(0, entry.indexOf(':')), entry.substring(entry.indexOf(':') + 1));
            }
            String controller = environment.get("KAFKA_CONTROLLER_LISTENER_NAMES");
            assertThat(protocols).as("listeners of %s", broker)
                    .containsEntry(controller, "SSL")
                    .containsEntry(environment.get("KAFKA_INTER_BROKER_LISTENER_NAME"), "SASL_SSL")
                    .allSatisfy((listener, protocol) -> assertThat(protocol).as("protocol of listener %s of %s", listener, broker)
                            .isEqualTo(listener.equals(controller) ? "SSL" : "SASL_SSL"));
            assertThat(environment).as("environment of %s", broker)
                    .containsEntry("KAFKA_LISTENER_NAME_" + controller + "_SSL_CLIENT_AUTH", "required")
                    .containsEntry("KAFKA_SASL_ENABLED_MECHANISMS", "SCRAM-SHA-512")
                    .containsEntry("KAFKA_SASL_MECHANISM_INTER_BROKER_PROTOCOL", "SCRAM-SHA-512")
                    .containsEntry("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                    .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
                    .containsEntry("KAFKA_SUPER_USERS", "User:broker;User:admin");
        }
    }

    @Test
    void eachServiceLogsIntoTheClusterAsItsOwnPrincipalOverTls() throws IOException {
        JsonNode cluster = clusterServices();
        for (String name : builtServices.keySet()) {
            Map<String, String> environment = environment(cluster.path(name));
            String passwordVariable = "HOTLINE_KAFKA_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_PASSWORD";
            assertThat(environment).as("Kafka client settings of %s (Quarkus passes KAFKA_* to every channel as kafka.*)", name)
                    .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                    .containsEntry("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM")
                    .containsKey("KAFKA_SSL_TRUSTSTORE_LOCATION");
            assertThat(environment.get("KAFKA_SASL_JAAS_CONFIG")).as("SASL login of %s", name)
                    .startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required")
                    .contains("username=\"" + name + "\"")
                    .contains("password=\"${" + passwordVariable + ":?");
            assertThat(TopicAccess.services()).as("the principals TopicAccess grants rights to")
                    .anySatisfy(service -> assertThat(service.principal()).isEqualTo(name));
            assertThat(cluster.path(name).path("depends_on").path("kafka-acls").path("condition").asText())
                    .as("%s starts once its ACLs are granted", name).isEqualTo("service_completed_successfully");
        }
        assertThat(commandText(cluster.path("kafka-acls")))
                .as("the ACL init grants what org.hotline.events.TopicAccess prints, as the admin")
                .contains("java -cp /hotline/events " + TopicAccess.class.getName())
                .contains("kafka-acls.sh --bootstrap-server kafka:19092 --command-config /tmp/client.properties --add $$arguments");
    }

    @Test
    void theClusterFileHoldsNoPasswordOnlyRequiredVariablesNamedInEnvExample() throws IOException {
        String cluster = Files.readString(repoRoot.resolve(CLUSTER_FILE));
        Matcher passwords = Pattern.compile("(?i)password\\s*(?:=|:)(?!\\?)\\s*\"?([^\\s\";]*)").matcher(cluster);
        int found = 0;
        while (passwords.find()) {
            found++;
            assertThat(passwords.group(1)).as("a password in %s: %s", CLUSTER_FILE, passwords.group())
                    .matches("\\$\\{[A-Za-z_][A-Za-z0-9_]*:\\?.*");
        }
        assertThat(found).as("passwords the cluster file takes from .env").isGreaterThanOrEqualTo(6);
        Set<String> required = new TreeSet<>();
        Matcher matcher = INTERPOLATION.matcher(cluster);
        while (matcher.find()) {
            if (matcher.group(2).startsWith(":?")) {
                required.add(matcher.group(1));
            }
        }
        Properties example = new Properties();
        try (Reader reader = Files.newBufferedReader(repoRoot.resolve(".env.example"))) {
            example.load(reader);
        }
        assertThat(required).as("variables %s requires", CLUSTER_FILE)
                .contains("HOTLINE_KAFKA_ADMIN_PASSWORD", "HOTLINE_KAFKA_BROKER_PASSWORD", "HOTLINE_KAFKA_TLS_DIR");
        assertThat(example.stringPropertyNames()).as("variables in .env.example").containsAll(required);
        assertThat(Files.readString(repoRoot.resolve(".gitignore"))).as("where compose-check writes the TLS material")
                .containsPattern("(?m)^\\.stack/$");
    }

    @Test
    void envNameMappingFollowsMicroProfileConfig() {
        assertThat(envName("quarkus.datasource.jdbc.url")).isEqualTo("QUARKUS_DATASOURCE_JDBC_URL");
        assertThat(envName("hotline.caller-key.secret")).isEqualTo("HOTLINE_CALLER_KEY_SECRET");
        assertThat(envName("%prod.kafka.bootstrap.servers")).isEqualTo("KAFKA_BOOTSTRAP_SERVERS");
        assertThat(envName("quarkus.log.category.\"kafka\".level")).isEqualTo("QUARKUS_LOG_CATEGORY__KAFKA__LEVEL");
    }

    // ------------------------------------------------------------------ helpers

    /** docker-compose.kafka-cluster.yml's services, anchors and merge keys resolved (only what it adds or overrides). */
    private static JsonNode clusterServices() throws IOException {
        try (Reader reader = Files.newBufferedReader(repoRoot.resolve(CLUSTER_FILE))) {
            return new ObjectMapper().valueToTree(new Yaml().load(reader)).path("services");
        }
    }

    private static Properties applicationProperties(Path module) throws IOException {
        Path file = module.resolve("src/main/resources/application.properties");
        assertThat(file).as("application.properties of %s", module.getFileName()).isRegularFile();
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        Properties withoutProfiles = new Properties();
        // Profile-free keys win over profile-specific ones: the container runs the prod profile.
        properties.stringPropertyNames().stream()
                .filter(key -> key.startsWith("%"))
                .forEach(key -> withoutProfiles.setProperty(PROFILE_PREFIX.matcher(key).replaceFirst(""), properties.getProperty(key)));
        properties.stringPropertyNames().stream()
                .filter(key -> !key.startsWith("%"))
                .forEach(key -> withoutProfiles.setProperty(key, properties.getProperty(key)));
        return withoutProfiles;
    }

    private static Set<String> envNamesOfKeys(Properties properties) {
        Set<String> names = new TreeSet<>();
        properties.stringPropertyNames().forEach(key -> names.add(envName(key)));
        return names;
    }

    /** MicroProfile Config: every character but letters and digits becomes '_', then upper case. */
    static String envName(String key) {
        String withoutProfile = PROFILE_PREFIX.matcher(key).replaceFirst("");
        return withoutProfile.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** A service's environment, from either the map or the KEY=VALUE list form. */
    private static Map<String, String> environment(JsonNode service) {
        Map<String, String> variables = new LinkedHashMap<>();
        JsonNode environment = service.get("environment");
        if (environment == null) {
            return variables;
        }
        if (environment.isObject()) {
            environment.fields().forEachRemaining(e -> variables.put(e.getKey(), e.getValue().asText()));
        } else {
            environment.forEach(item -> {
                String text = item.asText();
                int eq = text.indexOf('=');
                variables.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? "" : text.substring(eq + 1));
            });
        }
        return variables;
    }

    /** Container side of each published port, from short ("[ip:]host:container") or long syntax. */
    private static List<String> containerPorts(JsonNode service) {
        Set<String> ports = new LinkedHashSet<>();
        service.path("ports").forEach(port -> {
            if (port.isObject()) {
                ports.add(port.path("target").asText());
            } else {
                String text = port.asText().replaceAll("/(tcp|udp)$", "");
                ports.add(text.substring(text.lastIndexOf(':') + 1));
            }
        });
        return List.copyOf(ports);
    }

    /** The entrypoint and command of a service, as one text. */
    private static String commandText(JsonNode service) {
        StringBuilder text = new StringBuilder();
        for (String key : List.of("entrypoint", "command")) {
            JsonNode part = service.path(key);
            if (part.isTextual()) {
                text.append(part.asText()).append(' ');
            } else {
                part.forEach(item -> text.append(item.asText()).append(' '));
            }
        }
        return text.toString().replaceAll("\\\\\n\\s*", "");
    }

    private static String healthcheckCommand(JsonNode service) {
        JsonNode test = service.path("healthcheck").path("test");
        if (test.isTextual()) {
            return test.asText();
        }
        StringBuilder command = new StringBuilder();
        test.forEach(part -> command.append(part.asText()).append(' '));
        return command.toString().trim();
    }

    /** A service's one-shot migration: its image run with QUARKUS_INIT_AND_EXIT=true. */
    private static boolean isMigration(JsonNode service) {
        return "true".equals(environment(service).get("QUARKUS_INIT_AND_EXIT"));
    }

    /** Services that some other service waits for to complete: they exit, so they need no healthcheck. */
    private static Set<String> oneShotServices() {
        Set<String> oneShot = new TreeSet<>();
        services.fields().forEachRemaining(entry -> entry.getValue().path("depends_on").fields().forEachRemaining(dependency -> {
            if ("service_completed_successfully".equals(dependency.getValue().path("condition").asText())) {
                oneShot.add(dependency.getKey());
            }
        }));
        return oneShot;
    }
}
