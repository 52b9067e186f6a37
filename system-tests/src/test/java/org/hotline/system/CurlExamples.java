package org.hotline.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The curl examples of the project's Markdown, as {@link DocumentedCurlIT} runs them: every fenced
 * shell block of README.md, docs/*.md and each module's README.md that holds a curl command, split
 * into the shell's own commands (a command goes on past a line that ends in a backslash or inside
 * an open quote), each with the line it starts on.
 *
 * <p>An example is expected to succeed (2xx). One written to show a refusal says so in a comment
 * at the end of its command, starting with the status: {@code # 412: based on version 1, ...}
 * (a class, {@code # 4xx: ...}, will do as well).
 */
final class CurlExamples {

    /** The languages a fence may name for a block the shell runs; an unnamed fence counts too. */
    private static final Set<String> SHELL = Set.of("", "bash", "sh", "shell");
    private static final Pattern FENCE = Pattern.compile("^\\s*```\\s*([\\w-]*)\\s*$");
    private static final Pattern CURL = Pattern.compile("(^|[\\s|;&(])curl\\s");
    private static final Pattern EXPECTED = Pattern.compile("^#\\s*([1-5]\\d\\d|[1-5]xx)\\b");
    /**
     * Run by {@code ./stack compose-check} against Docker Compose (stack.d/compose/check finds them
     * by this heading), which starts its own services on the documented ports: they are the
     * compose stack's, not this one's.
     */
    private static final String COMPOSE_ONLY = "## With Docker";

    private CurlExamples() {
    }

    /** One command of a block: where it starts, its text, and the status its example shows. */
    record Command(String document, int line, String text, boolean curl, String expected) {

        /** {@code 2xx} unless the command's closing comment names another status or class. */
        boolean expects(int status) {
            return expected.endsWith("xx") ? status / 100 == expected.charAt(0) - '0' : status == Integer.parseInt(expected);
        }

        String place() {
            return document + ":" + line;
        }
    }

    /** A fenced block, run as a whole (its commands may set what the next one uses). */
    record Block(String document, int line, List<String> lines, List<Integer> commandStarts, List<Command> commands) {

        /**
         * The block as a script, with {@code DOC_AT=document:line} before each command, so that a curl
         * call knows the example it belongs to (even inside {@code $(...)} or a pipeline).
         */
        String script() {
            StringBuilder script = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                int docLine = line + 1 + i;
                if (commandStarts.contains(docLine)) {
                    script.append("DOC_AT='").append(document).append(':').append(docLine).append("'\n");
                }
                script.append(lines.get(i)).append('\n');
            }
            return script.toString();
        }
    }

    /** README.md, docs/*.md and every README.md one folder down (the modules' and stack.d's). */
    static List<Path> documents(Path root) {
        List<Path> documents = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs")); Stream<Path> folders = Files.list(root)) {
            docs.filter(file -> file.toString().endsWith(".md")).sorted().forEach(documents::add);
            folders.map(folder -> folder.resolve("README.md")).filter(Files::isRegularFile).sorted().forEach(documents::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    /** The shell blocks of {@code document} that hold a curl command, outside the compose-only section. */
    static List<Block> blocks(Path root, Path document) {
        String name = root.relativize(document).toString();
        List<String> lines;
        try {
            lines = Files.readAllLines(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Block> blocks = new ArrayList<>();
        boolean composeOnly = false;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.startsWith("## ")) {
                composeOnly = name.equals("docs/RUNNING.md") && text.strip().equals(COMPOSE_ONLY);
            }
            Matcher fence = FENCE.matcher(text);
            if (!fence.matches()) {
                continue;
            }
            int opening = i + 1;
            List<String> body = new ArrayList<>();
            for (i++; i < lines.size() && !FENCE.matcher(lines.get(i)).matches(); i++) {
                body.add(lines.get(i));
            }
            if (composeOnly || !SHELL.contains(fence.group(1))) {
                continue;
            }
            Block block = split(name, opening, body);
            if (block.commands().stream().anyMatch(Command::curl)) {
                blocks.add(block);
            }
        }
        return blocks;
    }

    /**
     * Splits a block where the shell would: at a line end outside quotes and comments that is not
     * escaped. Comment-only lines are no command.
     */
    static Block split(String document, int fenceLine, List<String> body) {
        List<Command> commands = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        StringBuilder command = new StringBuilder();
        String lastComment = "";
        int start = -1;
        char quote = 0;
        for (int i = 0; i < body.size(); i++) {
            String line = body.get(i);
            int code = line.length();
            boolean escaped = false;
            for (int c = 0; c < line.length(); c++) {
                char ch = line.charAt(c);
                if (escaped) {
                    escaped = false;
                } else if (ch == '\\' && quote != '\'') {
                    escaped = true;
                } else if (quote == 0 && ch == '#' && (c == 0 || Character.isWhitespace(line.charAt(c - 1)))) {
                    code = c;
                    break;
                } else if (quote == 0 && (ch == '\'' || ch == '"')) {
                    quote = ch;
                } else if (ch == quote) {
                    quote = 0;
                }
            }
            String codePart = line.substring(0, code);
            boolean continues = quote != 0 || (escaped && code == line.length());
            if (start < 0 && codePart.isBlank() && !continues) {
                continue;
            }
            if (start < 0) {
                start = fenceLine + 1 + i;
            }
            command.append(codePart).append('\n');
            lastComment = line.substring(code).strip();
            if (!continues) {
                String text = command.toString().strip();
                Matcher expected = EXPECTED.matcher(lastComment);
                commands.add(new Command(document, start, text, CURL.matcher(text).find(),
                        expected.find() ? expected.group(1) : "2xx"));
                starts.add(start);
                command.setLength(0);
                start = -1;
            }
        }
        return new Block(document, fenceLine, List.copyOf(body), starts, commands);
    }
}
