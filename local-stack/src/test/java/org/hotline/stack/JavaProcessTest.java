package org.hotline.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaProcessTest {

    @TempDir
    Path home;

    @Test
    void aFailureQuotesTheLastLinesOfTheLogEvenOfALongOne() throws IOException {
        Path log = home.resolve("logs/part.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, IntStream.rangeClosed(1, 20_000).mapToObj(i -> "line " + i)
                .collect(Collectors.joining("\n", "", "\n")));

        assertThat(new JavaProcess(home, "part", log).logTail(3).lines()).containsExactly("line 19998", "line 19999",
                "line 20000");
    }

    @Test
    void aMissingLogIsSaidToBeUnreadable() {
        assertThat(new JavaProcess(home, "part", home.resolve("none.log")).logTail(3)).startsWith("(its log could not be read");
    }
}
