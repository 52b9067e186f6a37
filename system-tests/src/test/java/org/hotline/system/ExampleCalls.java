package org.hotline.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.hotline.system.CurlExamples.Command;

/**
 * The curl calls one document's examples made, as {@code curl-examples/curl.sh} records them in a
 * folder: a file {@code call.XXXXXX} per call holding {@code document:line TAB status TAB curl's
 * exit code}, beside it {@code call.XXXXXX.out}, the answer as curl printed it.
 */
final class ExampleCalls {

    /** One call: the example it belongs to, the status it got (empty without an answer), curl's exit code. */
    record Call(String place, String status, String exitCode, Path record) {

        boolean answered() {
            return status.matches("[1-5]\\d\\d");
        }
    }

    private final List<Call> calls;

    private ExampleCalls(List<Call> calls) {
        this.calls = calls;
    }

    static ExampleCalls readFrom(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return new ExampleCalls(files.filter(file -> file.getFileName().toString().matches("call\\.[^.]+"))
                    .map(ExampleCalls::call).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What is wrong with {@code command}'s calls, one line each naming its file, line and command:
     * none made, no answer, or a status other than the one the example shows.
     */
    List<String> failures(Command command) {
        List<Call> mine = calls.stream().filter(call -> call.place().equals(command.place())).toList();
        if (mine.isEmpty()) {
            return List.of(command.place() + ": never called curl: " + command.text());
        }
        List<String> failures = new ArrayList<>();
        for (Call call : mine) {
            if (!call.answered() || !command.expects(Integer.parseInt(call.status()))) {
                failures.add(command.place() + ": expected " + command.expected() + ", got "
                        + (call.answered() ? call.status() : "no answer") + " (curl exit " + call.exitCode() + "): "
                        + command.text() + "\n    answer: " + answer(call));
            }
        }
        return failures;
    }

    private static Call call(Path record) {
        try {
            String[] fields = Files.readString(record).strip().split("\t", -1);
            // A call cut off before it was recorded (the document ran out of time) belongs to no example.
            return fields.length == 3 ? new Call(fields[0], fields[1], fields[2], record) : new Call("", "", "", record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String answer(Call call) {
        Path out = call.record().resolveSibling(call.record().getFileName() + ".out");
        try {
            if (!Files.exists(out)) {
                return "(none)";
            }
            String answer = Files.readString(out).strip();
            return answer.length() > 400 ? answer.substring(0, 400) + "..." : answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
