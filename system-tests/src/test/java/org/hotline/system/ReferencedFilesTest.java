package org.hotline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A README, help text or comment that names a file the repository does not hold sends its reader
 * nowhere (as a DOMAIN.md outside the repository once did). This checks the references that can be
 * checked without guessing: Markdown links, paths that start at a top-level entry of the
 * repository, and Markdown documents named by file name.
 */
class ReferencedFilesTest {

    /** Folders that are not the project's own text: build output, run-time state, version control. */
    private static final Set<String> NOT_SCANNED = Set.of(".git", "target", ".stack", ".idea", "node_modules");
    /** Generated at run time, so absent from a checkout by design. */
    private static final Pattern RUN_TIME = Pattern.compile("(^|/)(target|\\.stack)(/|$)");
    /** Documents a command writes at run time (./stack bench's report), named without their folder. */
    private static final Set<String> WRITTEN_AT_RUN_TIME = Set.of("report.md");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s#]+)(#[^)]*)?\\)");
    private static final Pattern PATH = Pattern.compile("(?<![\\w$/.:-])(?:\\./)?(\\.?[\\w-][\\w.-]*(?:/[\\w.-]+)+)/?");
    /** "events/s" or "contacts/min" is a rate whose first word happens to name a module, not a path. */
    private static final Pattern RATE = Pattern.compile("[\\w-]+/(s|ms|min|h)");
    private static final Pattern MARKDOWN_NAME = Pattern.compile("(?<![\\w$/.:-])([\\w-]+\\.md)\\b");

    private static Path root;
    private static Set<String> topLevel;
    private static Set<String> fileNames;
    private static List<Path> scanned;

    @BeforeAll
    static void listTheRepository() throws IOException {
        root = RepositoryRoot.locate();
        topLevel = new HashSet<>();
        try (Stream<Path> entries = Files.list(root)) {
            entries.map(entry -> entry.getFileName().toString())
                    .filter(name -> !NOT_SCANNED.contains(name))
                    .forEach(topLevel::add);
        }
        fileNames = new HashSet<>();
        scanned = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .filter(file -> notUnder(root.relativize(file)))
                    .forEach(file -> {
                        fileNames.add(file.getFileName().toString());
                        scanned.add(file);
                    });
        }
    }

    @Test
    void everyReferencedFileIsInTheRepository() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path file : scanned) {
            String name = file.getFileName().toString();
            if (name.startsWith("mvnw") || name.matches(".*\\.(png|jpg|jar|ico)")
                    || name.equals(ReferencedFilesTest.class.getSimpleName() + ".java")) {
                continue;   // third-party text, images, and this test's own examples of broken references
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(file);
            } catch (MalformedInputException e) {
                continue;   // not text
            }
            for (int i = 0; i < lines.size(); i++) {
                for (String reference : missingReferences(file, lines.get(i))) {
                    missing.add(root.relativize(file) + ":" + (i + 1) + ": " + reference);
                }
            }
        }
        assertThat(missing).as("references to files that are not in the repository").isEmpty();
    }

    @Test
    void aMissingDocumentIsFoundAndRunTimePathsAreNot() {
        Path readme = root.resolve("stack.d/README.md");

        assertThat(missingReferences(readme, "the reference table of BRIEF.md, see [notes](../docs/NOTES.md)"))
                .containsExactlyInAnyOrder("BRIEF.md", "../docs/NOTES.md");
        assertThat(missingReferences(readme, "see `docs/DOMAIN.md`, stack.d/compose/nothing.sql and ./docs/gone/"))
                .containsExactly("stack.d/compose/nothing.sql", "docs/gone");
        assertThat(missingReferences(readme, "logs in .stack/logs/kafka.log, jars in stats-service/target/"
                + "quarkus-app, the [README](README.md), `stack.d/compose/initdb.sh`, http://localhost:8083/q/health,"
                + " 20,000 events/s"))
                .isEmpty();
    }

    /** What one line names that is not there. */
    private static List<String> missingReferences(Path file, String line) {
        List<String> missing = new ArrayList<>();
        Path folder = file.getParent();
        Matcher link = LINK.matcher(line);
        while (link.find()) {
            String target = link.group(1);
            if (!target.matches("^[a-z]+:.*") && !RUN_TIME.matcher(target).find()
                    && !Files.exists(folder.resolve(target).normalize())) {
                missing.add(target);
            }
        }
        Matcher path = PATH.matcher(line.replaceAll("\\]\\([^)]*\\)", "]"));
        while (path.find()) {
            String candidate = path.group(1).replaceAll("\\.+$", "");   // the full stop of a sentence
            String first = candidate.substring(0, candidate.indexOf('/'));
            // "module/.../Class" abbreviates a path on purpose; a first segment that is not a
            // top-level entry is a package, a URL path or an image name, not a repository path.
            if (topLevel.contains(first) && !candidate.contains("/.../") && !RATE.matcher(candidate).matches() && !RUN_TIME.matcher(candidate).find()
                    && !Files.exists(root.resolve(candidate)) && !Files.exists(folder.resolve(candidate))) {
                missing.add(candidate);
            }
        }
        Matcher document = MARKDOWN_NAME.matcher(line);
        while (document.find()) {
            if (!fileNames.contains(document.group(1)) && !WRITTEN_AT_RUN_TIME.contains(document.group(1))) {
                missing.add(document.group(1));
            }
        }
        return missing;
    }

    private static boolean notUnder(Path relative) {
        for (Path part : relative) {
            if (NOT_SCANNED.contains(part.toString())) {
                return false;
            }
        }
        return true;
    }
}
