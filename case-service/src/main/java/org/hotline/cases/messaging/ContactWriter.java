package org.hotline.cases.messaging;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.IntFunction;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.hotline.cases.service.CaseContacts;
import org.hotline.events.ContactRecorded;
import org.hotline.inbox.TransientFailure;

import io.opentelemetry.context.Scope;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies a batch of contacts (or a single one), waiting out transient failures. The retry sits
 * here, outside the transaction of {@link CaseContacts#applyAll}, so each attempt is a fresh
 * transaction that sees what the previous ones could not. It never gives up on a transient
 * failure: a batch that waits holds up its partitions (and so its caller's later contacts, which must stay in order), but is
 * never lost or skipped. The delay grows to at most 5 s, so the consumer resumes within seconds of
 * the database's return; however long the outage, no record is dead-lettered and the channel
 * does not fail (no unprocessed-record age limit, see application.properties).
 */
@ApplicationScoped
public class ContactWriter {

    private final CaseContacts caseContacts;

    public ContactWriter(CaseContacts caseContacts) {
        this.caseContacts = caseContacts;
    }

    @Retry(maxRetries = -1, maxDuration = 0, delay = 50, jitter = 25)
    @ExponentialBackoff(factor = 2, maxDelay = 5, maxDelayUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = TransientFailure.class)
    public void applyAll(List<ContactRecorded> contacts, IntFunction<Scope> contextOf) {
        caseContacts.applyAll(contacts, contextOf);
    }
}
