package org.hotline.audit;

import java.time.Instant;

/**
 * One line of the audit log: who (the token's subject), when, what, to which subject, why, and
 * what came of it. Every field is pseudonymous: ids, references, caller keys, never personal data.
 */
public record AuditEntry(long id, Instant recordedAt, String actor, String action, String subject, String reason,
        String outcome) {
}
