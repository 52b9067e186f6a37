package org.hotline.stack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The classpath the broker JVM runs on: local-stack's own classes and runtime dependencies, as
 * the build wrote them to {@code local-stack/target/stack.classpath}. Read from the file rather
 * than from {@code java.class.path}, which under Maven's test runners is only a booter jar.
 */
public record StackClasspath(String value) {

    public static StackClasspath of(Path repoRoot) {
        Path target = repoRoot.resolve("local-stack/target");
        Path file = target.resolve("stack.classpath");
        try {
            return new StackClasspath(target.resolve("classes") + File.pathSeparator + Files.readString(file).strip());
        } catch (IOException e) {
            throw new StackFailure(file + " is missing: build the launcher first (./mvnw -B -DskipTests package -pl local-stack -am)", e);
        }
    }
}
