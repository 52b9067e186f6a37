package org.hotline.bench;

/** A benchmark step that could not be carried out; {@code ./stack bench} prints it as one error line. */
final class BenchFailure extends RuntimeException {

    BenchFailure(String message) {
        super(message);
    }
}
