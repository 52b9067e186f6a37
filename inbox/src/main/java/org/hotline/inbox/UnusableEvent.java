package org.hotline.inbox;

/**
 * A consumed event a service can never apply and must not guess about (a field it needs is
 * missing, it names another caller's case). The inbox sends its record to the dead-letter topic
 * for a person to look at. The message never carries personal data.
 */
public class UnusableEvent extends RuntimeException {

    public UnusableEvent(String message) {
        super(message);
    }
}
