package org.hotline.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * docs/ACCESS.md's role tables, made from the role matrices the services' {@code AccessControlTest}s
 * check ({@code SERVICE/src/test/resources/role-matrix.csv}), so the documented table is the tested
 * one. {@link RoleTableTest} fails when the committed tables differ; to write them, run from the
 * repository's top folder (plain JDK, no build needed):
 *
 * <pre>java system-tests/src/test/java/org/hotline/system/RoleTable.java</pre>
 */
public final class RoleTable {

    static final String DOCUMENT = "docs/ACCESS.md";
    static final List<String> SERVICES = List.of("intake-service", "case-service", "stats-service");
    static final String REGENERATE = "java system-tests/src/test/java/org/hotline/system/RoleTable.java";
    static final String BEGIN = "<!-- BEGIN generated role tables: from each service's src/test/resources/role-matrix.csv; "
            + "after changing one, run " + REGENERATE + " -->";
    static final String END = "<!-- END generated role tables -->";
    /** A matrix line: method, path, content type, body, then the status for no token and each role. */
    private static final int FIELDS = 10;
    private static final String HEADER = "| endpoint | no token | operator | case-officer | analyst | admin | supervisor |";

    private RoleTable() {
    }

    /** Writes the tables into {@value #DOCUMENT} of the repository in the working folder. */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path document = root.resolve(DOCUMENT);
        Files.writeString(document, withTables(Files.readString(document), tables(root)));
        System.out.println("wrote the role tables of " + document);
    }

    /** The three services' tables, each under its name, as the generated region holds them. */
    static String tables(Path root) {
        StringBuilder tables = new StringBuilder();
        for (String service : SERVICES) {
            tables.append(service).append(":\n\n").append(HEADER).append('\n').append("|---|---|---|---|---|---|---|\n");
            for (String line : lines(root.resolve(service).resolve("src/test/resources/role-matrix.csv"))) {
                String[] fields = line.split("\\|", -1);
                if (fields.length != FIELDS) {
                    throw new IllegalArgumentException(service + "'s role-matrix.csv: expected " + FIELDS + " fields in: " + line);
                }
                tables.append("| `").append(fields[0].strip()).append(' ').append(fields[1].strip()).append('`');
                for (int i = 4; i < FIELDS; i++) {
                    tables.append(" | ").append(fields[i].strip());
                }
                tables.append(" |\n");
            }
            tables.append('\n');
        }
        return tables.toString().stripTrailing() + "\n";
    }

    /** {@code markdown} with the region between {@link #BEGIN} and {@link #END} replaced by {@code tables}. */
    static String withTables(String markdown, String tables) {
        return markdown.substring(0, regionStart(markdown)) + tables + markdown.substring(regionEnd(markdown));
    }

    /** What the region holds now. */
    static String region(String markdown) {
        return markdown.substring(regionStart(markdown), regionEnd(markdown));
    }

    private static int regionStart(String markdown) {
        int begin = markdown.indexOf(BEGIN);
        if (begin < 0) {
            throw new IllegalStateException(DOCUMENT + " has no line " + BEGIN);
        }
        return begin + BEGIN.length() + 1;
    }

    private static int regionEnd(String markdown) {
        int end = markdown.indexOf(END);
        if (end < regionStart(markdown)) {
            throw new IllegalStateException(DOCUMENT + " has no line " + END + " after its BEGIN line");
        }
        return end;
    }

    /** The matrix's lines that are not blank and not comments. */
    private static List<String> lines(Path matrix) {
        try {
            return Files.readAllLines(matrix).stream().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
