package org.hotline.stack;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A service's class-data-sharing archive (JDK 13+ dynamic AppCDS), kept in the stack's folder: the
 * classes a start loads, already parsed and verified, so that every later start maps them instead
 * of loading them again. Measured here on case-service: CPU to ready 11.7 s without, 8.4 s with.
 * It is the one saving that also helps a user's {@code ./stack up}, and the system tests start
 * the services some thirty times.
 *
 * <p>The first start of the module's first instance writes it when that JVM exits (a graceful
 * stop; a killed JVM writes nothing, and the next start tries again). It is named after the
 * build of the jar it was taken from, so a rebuilt service writes a new one and the old is
 * deleted. The JVM checks an archive before it uses it and falls back to loading the classes
 * when the archive does not fit (another JDK, a class changed since), so a stale or cut-off
 * archive costs time, never correctness. Quarkus's own {@code quarkus.package.jar.appcds} was
 * tried first: it records the jar's relative path at package time, and the JVM refused it for
 * the absolute path the stack launches.
 */
final class ClassDataArchive {

    private final Path folder;
    private final String module;
    private final Path jar;

    ClassDataArchive(Path stackHome, String module, Path jar) {
        this.folder = stackHome.toAbsolutePath().normalize().resolve("class-data");
        this.module = module;
        this.jar = jar;
    }

    /**
     * The JVM options for one start: use the archive of this build if there is one; else, for the
     * module's first instance only (two JVMs must not write one file), write it at exit.
     */
    List<String> options(boolean mayWrite) {
        Path archive;
        try {
            archive = folder.resolve(module + "-" + Files.getLastModifiedTime(jar).toMillis() + ".jsa");
        } catch (IOException e) {
            return List.of();
        }
        if (Files.isRegularFile(archive)) {
            return quietly("-XX:SharedArchiveFile=" + archive);
        }
        if (!mayWrite) {
            return List.of();
        }
        try {
            Files.createDirectories(folder);
            deleteOlderArchives();
        } catch (IOException e) {
            return List.of();
        }
        return quietly("-XX:ArchiveClassesAtExit=" + archive);
    }

    private void deleteOlderArchives() throws IOException {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(folder, module + "-*.jsa")) {
            for (Path archive : old) {
                Files.deleteIfExists(archive);
            }
        }
    }

    /** Its checks are the JVM's business: a misfit archive is a note in the log, not a warning. */
    private static List<String> quietly(String archiveOption) {
        return List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off", archiveOption);
    }
}
