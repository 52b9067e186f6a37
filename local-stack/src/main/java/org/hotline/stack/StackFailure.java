package org.hotline.stack;

/** A part of the stack could not be started or stopped; the message says why and what to do. */
public class StackFailure extends RuntimeException {

    public StackFailure(String message) {
        super(message);
    }

    public StackFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
