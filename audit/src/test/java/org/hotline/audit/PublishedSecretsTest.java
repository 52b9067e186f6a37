package org.hotline.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class PublishedSecretsTest {

    /** A setting that holds a secret: a password, a secret, a key (not a key's version or location). */
    private static final Pattern SECRET_SETTING = Pattern.compile(
            "^(?:%\\w+\\.)?([\\w.\\-]*(?:password|secret|master-key|master-keys|MASTER_KEY|PASSWORD|SECRET))\\s*=\\s*(.+)$");

    @Test
    void theDatabasePasswordPlaceholderOfEnvExampleIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> PublishedSecrets.refuseIfPublished("quarkus.datasource.password",
                Optional.of("replace-me-with-a-long-random-password")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("quarkus.datasource.password is a published placeholder")
                .hasMessageNotContaining("replace-me-with");
    }

    @Test
    void theCommittedDevAndTestMasterKeysAreRefusedByValue() {
        for (String committed : List.of("LLtB5PB0iudXQJwltm3JcpTMEQhMhF6hAVlL1st/6O4=",
                "3JWKGA9Uxedt2kvImqFHcwogF0GHnP1KvwfEx65t4wE=", "P2FT1JybGdEPZdPFB20nM6q9BtvD1KG7bZqN4aKKyx0=")) {
            assertThatThrownBy(() -> PublishedSecrets.refuseIfPublished("hotline.personal-data.master-key",
                    Optional.of(committed))).isInstanceOf(IllegalStateException.class)
                    .hasMessageNotContaining(committed);
        }
    }

    @Test
    void aRandomPasswordAndNoPasswordPass() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        assertThatCode(() -> PublishedSecrets.refuseIfPublished("quarkus.flyway.password",
                Optional.of(Base64.getEncoder().encodeToString(random)))).doesNotThrowAnyException();
        assertThatCode(() -> PublishedSecrets.refuseIfPublished("quarkus.flyway.password", Optional.empty()))
                .doesNotThrowAnyException();
    }

    /**
     * Every secret value written in the repository's configuration (application.properties, the
     * compose .env example) is in the list production refuses: a new dev or test key cannot be
     * committed without production learning to refuse it.
     */
    @Test
    void everySecretValueInTheRepositoryIsListed() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root, 6)) {
            walk.filter(path -> path.getFileName().toString().equals("application.properties")
                    && path.toString().contains("/src/main/resources/")).forEach(files::add);
        }
        files.add(root.resolve(".env.example"));
        List<Map.Entry<String, String>> values = new ArrayList<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                Matcher setting = SECRET_SETTING.matcher(line.strip());
                if (!line.strip().startsWith("#") && setting.matches() && !setting.group(2).startsWith("${")) {
                    for (String part : setting.group(2).split(",")) {
                        // An unwrap-only key is VERSION:KEY.
                        String value = part.replaceFirst("^\\s*\\d+:", "").strip();
                        values.add(Map.entry(root.relativize(file) + " " + setting.group(1), value));
                    }
                }
            }
        }
        assertThat(values).as("secrets found in the repository's configuration").hasSizeGreaterThanOrEqualTo(8);
        assertThat(values).allSatisfy(entry -> assertThat(PublishedSecrets.isPublished(entry.getValue()))
                .as("%s is listed in published-secrets.sha256", entry.getKey()).isTrue());
    }
}
