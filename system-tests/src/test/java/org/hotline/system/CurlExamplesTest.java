package org.hotline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hotline.system.CurlExamples.Block;
import org.hotline.system.CurlExamples.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link CurlExamples} cuts a documented block into the commands DocumentedCurlIT checks. */
class CurlExamplesTest {

    @Test
    void aCommandGoesOnPastATrailingBackslashAndInsideAnOpenQuote() {
        Block block = CurlExamples.split("guide", 10, List.of(
                "# a comment's quote: it's no quote",
                "curl -s -X POST localhost:8081/api/v1/contacts -d '{",
                "  \"channel\": \"PHONE\"}'",
                "REF=$(curl -s localhost:8082/api/v1/cases \\",
                "  | sed -E 's/x/y/')",
                "echo \"# not a comment\""));

        assertThat(block.commands()).extracting(Command::line, Command::curl)
                .containsExactly(tuple(12, true), tuple(14, true),
                        tuple(16, false));
        assertThat(block.script()).contains("DOC_AT='guide:12'\ncurl -s -X POST", "DOC_AT='guide:14'\nREF=$(curl");
    }

    @Test
    void aClosingCommentThatStartsWithAStatusIsWhatTheExampleShows() {
        Block block = CurlExamples.split("guide", 0, List.of(
                "curl -si localhost:8082/api/v1/cases/$REF \\",
                "  -d '{}'   # 409: cannot move",
                "curl -s localhost:8083/api/v1/stats/summary   # 4xx",
                "curl -s localhost:8082/api/v1/cases/$REF     # REF: see above"));

        assertThat(block.commands()).extracting(Command::expected).containsExactly("409", "4xx", "2xx");
        assertThat(block.commands().get(0).expects(409)).isTrue();
        assertThat(block.commands().get(0).expects(200)).isFalse();
        assertThat(block.commands().get(1).expects(403)).isTrue();
        assertThat(block.commands().get(2).expects(204)).isTrue();
    }

    @Test
    void aFailingExampleIsNamedByItsFileLineAndCommand(@TempDir Path calls) throws IOException {
        List<Command> commands = CurlExamples.split("guide", 4, List.of(
                "curl -s localhost:8081/a",
                "curl -s localhost:8082/b   # 409: refused",
                "curl -s localhost:8083/c",
                "curl -s localhost:8083/d")).commands();
        Files.writeString(calls.resolve("call.aaaaaa"), "guide:5\t201\t0\n");
        Files.writeString(calls.resolve("call.bbbbbb"), "guide:6\t200\t0\n");
        Files.writeString(calls.resolve("call.bbbbbb.out"), "{\"state\": \"VERIFIED\"}");
        Files.writeString(calls.resolve("call.cccccc"), "guide:7\t000\t7\n");

        ExampleCalls made = ExampleCalls.readFrom(calls);

        assertThat(made.failures(commands.get(0))).isEmpty();
        assertThat(made.failures(commands.get(1))).singleElement().asString()
                .startsWith("guide:6: expected 409, got 200 (curl exit 0): curl -s localhost:8082/b")
                .contains("answer: {\"state\": \"VERIFIED\"}");
        assertThat(made.failures(commands.get(2))).singleElement().asString()
                .startsWith("guide:7: expected 2xx, got no answer (curl exit 7): curl -s localhost:8083/c");
        assertThat(made.failures(commands.get(3))).containsExactly("guide:8: never called curl: curl -s localhost:8083/d");
    }

    @Test
    void theComposeOnlyExamplesAreLeftToComposeCheck() {
        Path root = RepositoryRoot.locate();

        assertThat(CurlExamples.blocks(root, root.resolve("docs/RUNNING.md"))).isEmpty();
        assertThat(CurlExamples.blocks(root, root.resolve("README.md"))).isNotEmpty();
    }
}
