package org.hotline.audit;

import java.time.Instant;
import java.util.Optional;

/** Which entries an admin asks for: a time window, an actor, a subject, one page of them. */
public record AuditFilter(Optional<Instant> from, Optional<Instant> to, Optional<String> actor,
        Optional<String> subject, int page, int size) {
}
