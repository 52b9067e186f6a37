package org.hotline.system;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's top folder, for tests that read the project's own files rather than run it. */
final class RepositoryRoot {

    private RepositoryRoot() {
    }

    /**
     * Surefire and failsafe pass it as {@code hotline.repo.root} (see this module's pom); an IDE
     * may not, and runs in system-tests/, so look upwards for the folder holding docker-compose.yml.
     */
    static Path locate() {
        String property = System.getProperty("hotline.repo.root");
        if (property != null && !property.isBlank() && Files.isRegularFile(Path.of(property, "docker-compose.yml"))) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("docker-compose.yml"))
                    && Files.isRegularFile(candidate.resolve("pom.xml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no docker-compose.yml in " + dir + " or above it");
    }
}
