package org.hotline.intake.service;

import java.util.Optional;

/**
 * Who asks for a contact's personal data, as his verified token says: his subject, his team (the
 * {@code team} claim) and whether he is a supervisor, who may read any contact (with his reason).
 */
public record ContactReader(String subject, Optional<String> team, boolean supervisor) {
}
