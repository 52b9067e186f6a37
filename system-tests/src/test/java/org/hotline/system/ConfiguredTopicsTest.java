package org.hotline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.hotline.events.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A service configured with a topic that {@link Topics} does not define would wait on a topic
 * nobody creates (auto-creation is off), or publish where nobody reads: this finds it before a
 * deployment does.
 */
class ConfiguredTopicsTest {

    /** A key that names topics: {@code mp.messaging.incoming.x.topic}, {@code hotline.stats.rebuild.cases-topic}. */
    private static final Pattern TOPIC_KEY = Pattern.compile(".*[.-]topics?$");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    /** Each service's application.properties, by module folder name. */
    private static Map<String, Properties> services;

    @BeforeAll
    static void readServiceConfigurations() throws IOException {
        Path root = RepositoryRoot.locate();
        services = new TreeMap<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                Path file = module.resolve("src/main/resources/application.properties");
                if (Files.isRegularFile(file)) {
                    Properties properties = new Properties();
                    try (Reader reader = Files.newBufferedReader(file)) {
                        properties.load(reader);
                    }
                    services.put(module.getFileName().toString(), properties);
                }
            }
        }
    }

    @Test
    void everyServiceIsChecked() {
        assertThat(services).containsKeys("intake-service", "case-service", "stats-service");
    }

    @Test
    void everyTopicAServiceIsConfiguredWithIsDefinedByTopics() {
        services.forEach((service, properties) -> {
            Map<String, List<String>> topics = configuredTopics(properties);
            assertThat(topics).as("topic properties of %s", service).isNotEmpty();
            topics.forEach((key, names) -> assertThat(Topics.all())
                    .as("%s/src/main/resources/application.properties: %s names topics that "
                            + "org.hotline.events.Topics does not define", service, key)
                    .containsAll(names));
        });
    }

    @Test
    void topicKeysOfEveryProfileAndFormAreFoundAndResolved() {
        Properties properties = new Properties();
        properties.setProperty("mp.messaging.incoming.contacts-in.topic", Topics.CONTACTS);
        properties.setProperty("%dev.mp.messaging.outgoing.outbox.topic", "hotline.contacts.v2");
        properties.setProperty("hotline.replay.topics", Topics.CASES + ", ${hotline.archive}");
        properties.setProperty("hotline.audit-topic", "${hotline.audit:hotline.audit.v1}");
        properties.setProperty("hotline.archive", "hotline.archive.v1");

        assertThat(configuredTopics(properties)).containsOnly(
                Map.entry("mp.messaging.incoming.contacts-in.topic", List.of(Topics.CONTACTS)),
                Map.entry("%dev.mp.messaging.outgoing.outbox.topic", List.of("hotline.contacts.v2")),
                Map.entry("hotline.replay.topics", List.of(Topics.CASES, "hotline.archive.v1")),
                Map.entry("hotline.audit-topic", List.of("hotline.audit.v1")));
        assertThat(Topics.all()).doesNotContain("hotline.contacts.v2", "hotline.archive.v1", "hotline.audit.v1");
    }

    /**
     * Every property (of any profile) ending in {@code .topic} or {@code -topic}, or in
     * {@code .topics} or {@code -topics} with a comma separated list, with the names it resolves to.
     */
    static Map<String, List<String>> configuredTopics(Properties properties) {
        Map<String, List<String>> topics = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (TOPIC_KEY.matcher(key).matches()) {
                List<String> names = new ArrayList<>();
                for (String name : resolve(properties, properties.getProperty(key), key).split(",")) {
                    if (!name.isBlank()) {
                        names.add(name.strip());
                    }
                }
                topics.put(key, names);
            }
        }
        return topics;
    }

    /** Expands {@code ${key}} and {@code ${key:default}} from the same file, as the service would. */
    private static String resolve(Properties properties, String value, String key) {
        Matcher matcher = EXPRESSION.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String referenced = properties.getProperty(matcher.group(1), matcher.group(2));
            assertThat(referenced).as("%s refers to %s, which the file does not set", key, matcher.group(1))
                    .isNotNull();
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(resolve(properties, referenced, key)));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }
}
