package org.hotline.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hotline.system.Contacts.contact;
import static org.hotline.system.Contacts.freshPhoneNumber;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.hotline.stack.StackFailure;
import org.hotline.stack.TokenRequest;
import org.hotline.system.CurlExamples.Block;
import org.hotline.system.CurlExamples.Command;
import org.hotline.system.RunningHotline.Hotline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import com.sun.net.httpserver.HttpServer;

/**
 * Every curl example of README.md, docs/ and the modules' READMEs runs as written against the
 * stack the other system tests share ({@link RunningHotline}; none of its own), and gets the status
 * it shows: 2xx, or the refusal its closing comment starts with, {@code # 409: ...}
 * ({@link CurlExamples}). Each document's shell blocks run in order in one bash, as a reader types
 * them into one terminal, so a later example uses what an earlier one set ({@code REQ=$(curl ...)}).
 * A failure names the file, line and command of each example that failed, with its answer.
 *
 * <ul>
 * <li>{@code curl} is bash's own function ({@code curl-examples/curl.sh}): the documented ports go
 * to the test stack's, and each call is recorded with its example's file and line.</li>
 * <li>{@code ./stack token ...} is answered by this stack's issuer, read by {@link TokenRequest} as
 * {@code ./stack} reads it ({@code curl-examples/stack}). Other {@code ./stack} commands are not
 * curl examples and are refused.</li>
 * <li>{@code $REF}, which the docs ask the reader to set to the case reference of the README's
 * "Try it", is set to a real case in state {@code REQUESTED} the test opened for that document.</li>
 * <li>Not run: docs/RUNNING.md's "With Docker" examples, which {@code ./stack compose-check} runs
 * against Docker Compose; and curl in running text rather than in a fenced block.</li>
 * </ul>
 */
@ExtendWith(RunningHotline.class)
class DocumentedCurlIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Pattern OTHER_PORT = Pattern.compile("127\\.0\\.0\\.1:\\d+|localhost:(?!808[123]\\b)\\d+");
    private static final Pattern WRITE_OUT = Pattern.compile("\\s(-w|--write-out)\\s");
    /** How long one document's examples may take: a few wait for an event (curl --retry, 30 s at most). */
    private static final Duration DOCUMENT_DEADLINE = Duration.ofMinutes(5);

    private static HttpServer tokenDesk;
    private static Path work;
    private static Hotline stack;

    @BeforeAll
    static void openTheTokenDesk(Hotline hotline) throws IOException {
        stack = hotline;
        work = hotline.home().resolve("curl-examples");
        Files.createDirectories(work);
        tokenDesk = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tokenDesk.createContext("/token", exchange -> {
            List<String> args = argumentsOf(exchange.getRequestURI());
            byte[] answer;
            int status;
            try {
                answer = TokenRequest.parse(args).mint(RunningHotline.trustedTokens()).getBytes(StandardCharsets.UTF_8);
                status = 200;
            } catch (StackFailure e) {
                answer = ("error: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8);
                status = 400;
            }
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        tokenDesk.start();
    }

    @AfterAll
    static void closeTheTokenDeskAndLetTheRebuildEnd() {
        if (tokenDesk != null) {
            tokenDesk.stop(0);
        }
        // stats-service's README starts a rebuild: the next suite on this stack gets it finished.
        if (stack != null) {
            await().atMost(DOCUMENT_DEADLINE).untilAsserted(() -> given().baseUri(stack.statsUrl())
                    .get("/api/v1/admin/rebuild").then().statusCode(200).body("state", not(equalTo("RUNNING"))));
        }
    }

    @Test
    void theDocumentsHaveCurlExamplesThisTestCanRun() {
        List<Command> curls = everyBlock().stream().flatMap(block -> block.commands().stream()).filter(Command::curl).toList();
        assertThat(curls).as("curl examples found in README.md, docs/*.md and the modules' READMEs").hasSizeGreaterThan(20);
        assertThat(curls).extracting(Command::document).contains("README.md", "docs/ACCESS.md",
                "intake-service/README.md", "case-service/README.md", "stats-service/README.md");
        // Only the three services' documented ports are mapped to this stack's; curl.sh adds its own
        // --write-out, which would replace an example's.
        assertThat(curls).filteredOn(command -> OTHER_PORT.matcher(command.text()).find() || WRITE_OUT.matcher(command.text()).find())
                .as("examples naming a port other than 8081-8083, or with a --write-out of their own").isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyCurlExampleGetsTheStatusItShows() {
        Map<String, List<Block>> byDocument = everyBlock().stream()
                .collect(Collectors.groupingBy(Block::document, LinkedHashMap::new, Collectors.toList()));
        assertThat(byDocument).as("documents with curl examples").isNotEmpty();
        return byDocument.entrySet().stream()
                .map(document -> DynamicTest.dynamicTest(document.getKey(), () -> run(document.getKey(), document.getValue())));
    }

    private static List<Block> everyBlock() {
        Path root = RepositoryRoot.locate();
        return CurlExamples.documents(root).stream().flatMap(document -> CurlExamples.blocks(root, document).stream()).toList();
    }

    private void run(String document, List<Block> blocks) throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory(work, document.replace('/', '-') + "-");
        Path calls = Files.createDirectories(folder.resolve("calls"));
        copy("curl-examples/curl.sh", folder.resolve("curl.sh"));
        copy("curl-examples/stack", folder.resolve("stack"));
        Files.setPosixFilePermissions(folder.resolve("stack"), PosixFilePermissions.fromString("rwx------"));
        StringBuilder script = new StringBuilder("source ./curl.sh\n");
        blocks.forEach(block -> script.append(block.script()));
        Files.writeString(folder.resolve("examples.sh"), script);

        ProcessBuilder bash = new ProcessBuilder("bash", "examples.sh").directory(folder.toFile())
                .redirectErrorStream(true).redirectOutput(folder.resolve("output.txt").toFile());
        Map<String, String> environment = bash.environment();
        environment.put("DOC_INTAKE_PORT", port(stack.intakeUrl()));
        environment.put("DOC_CASE_PORT", port(stack.caseUrl()));
        environment.put("DOC_STATS_PORT", port(stack.statsUrl()));
        environment.put("DOC_CALLS", calls.toString());
        environment.put("DOC_TOKEN_DESK", "http://127.0.0.1:" + tokenDesk.getAddress().getPort() + "/token");
        environment.put("DOC_AT", document);
        environment.put("REF", newRequestedCase());
        Process process = bash.start();
        List<String> failures = new ArrayList<>();
        if (!process.waitFor(DOCUMENT_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            failures.add(document + ": its examples did not end within " + DOCUMENT_DEADLINE);
        }

        ExampleCalls made = ExampleCalls.readFrom(calls);
        for (Block block : blocks) {
            block.commands().stream().filter(Command::curl).forEach(command -> failures.addAll(made.failures(command)));
        }
        assertThat(failures).as("curl examples of %s that do not do what they show (bash's output: %s)", document,
                folder.resolve("output.txt")).isEmpty();
    }

    /** A case in {@code REQUESTED}, opened from a surrender request, for the examples' {@code $REF}. */
    private static String newRequestedCase() {
        String reference = Contacts.post(stack.intakeUrl(), contact("SURRENDER_REQUEST", freshPhoneNumber(), Instant.now().toString()))
                .then().statusCode(201).extract().path("caseReference");
        await().atMost(DEADLINE).untilAsserted(() -> given().baseUri(stack.caseUrl())
                .get("/api/v1/cases/{reference}", reference).then().statusCode(200).body("state", equalTo("REQUESTED")));
        return reference;
    }

    private static List<String> argumentsOf(URI request) {
        String query = request.getRawQuery();
        if (query == null) {
            return List.of();
        }
        return Arrays.stream(query.split("&")).filter(pair -> pair.startsWith("arg="))
                .map(pair -> URLDecoder.decode(pair.substring(4), StandardCharsets.UTF_8)).toList();
    }

    private static String port(String url) {
        return Integer.toString(URI.create(url).getPort());
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = DocumentedCurlIT.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the test class path");
            }
            Files.copy(in, to);
        }
    }
}
