package org.hotline.intake;

/** A stored contact, and what was learnt about the case it names (to tell the operator). */
public record RecordedContact(Contact contact, ReferenceCheck reference) {
}
