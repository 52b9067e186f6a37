package org.hotline.stack;

import java.io.PrintStream;

/** The launcher's progress output: steps, details, successes, warnings; colour only on a terminal. */
public class Console {

    private final PrintStream out;
    private final PrintStream err;
    private final boolean colour;

    public Console(PrintStream out, PrintStream err, boolean colour) {
        this.out = out;
        this.err = err;
        this.colour = colour;
    }

    /** The terminal's console: standard output and error, coloured when both are a terminal. */
    public static Console system() {
        return new Console(System.out, System.err, System.console() != null);
    }

    /** Says nothing: for tests and for callers that only want the effect. */
    public static Console silent() {
        PrintStream nowhere = new PrintStream(PrintStream.nullOutputStream());
        return new Console(nowhere, nowhere, false);
    }

    public void step(String text) {
        out.println(paint("1", "==> " + text));
    }

    public void info(String text) {
        out.println("    " + text);
    }

    public void ok(String text) {
        out.println("    " + paint("32", text));
    }

    public void warn(String text) {
        err.println("    " + paint("33", "warning:") + " " + text);
    }

    public void error(String text) {
        err.println(paint("31", "error:") + " " + text);
    }

    public void plain(String text) {
        out.println(text);
    }

    private String paint(String code, String text) {
        return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
