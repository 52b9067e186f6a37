package org.hotline.audit;

import java.time.Instant;

/**
 * One line of the audit log: who (the token's subject), when, what, to which subject, that a
 * reason was given, and what came of it. Every field is pseudonymous: ids, references, caller
 * keys, never personal data.
 *
 * @param reasonLength the length in characters of the reason the actor gave, where one is asked
 *                     for (a read of personal data), else null. Its words are not kept: an officer's
 *                     reason may name the man or his family, and this log can never be erased.
 */
public record AuditEntry(long id, Instant recordedAt, String actor, String action, String subject,
        Integer reasonLength, String outcome) {
}
