package org.hotline.stats.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hotline.events.CaseEvent;
import org.hotline.events.ContactRecorded;
import org.hotline.events.HotlineEvent;
import org.hotline.events.Topics;
import org.hotline.inbox.Inbox;
import org.hotline.inbox.TopicApplier;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

/**
 * Feeds contact and case events to the stats store. A record that cannot be read or applied goes
 * to its channel's dead-letter topic at once and is counted in {@code hotline.dead.letters}, so one
 * poison record does not stop the counts; a passing failure is waited out ({@link LiveEvents}).
 * The {@link Inbox} acknowledges, and holds records back while the service stops.
 */
@ApplicationScoped
public class EventConsumers {

    private static final String CONTACTS = "contacts-in";
    private static final String CASES = "cases-in";

    private final LiveEvents liveEvents;
    private final Inbox inbox;
    private final TopicApplier contacts;
    private final TopicApplier cases;

    public EventConsumers(LiveEvents liveEvents, Inbox inbox) {
        this.liveEvents = liveEvents;
        this.inbox = inbox;
        this.contacts = applier(Topics.CONTACTS, ContactRecorded.class);
        this.cases = applier(Topics.CASES, CaseEvent.class);
    }

    void countFromStart(@Observes StartupEvent startup) {
        inbox.registerChannel(CONTACTS);
        inbox.registerChannel(CASES);
    }

    @Incoming(CONTACTS)
    @Blocking
    public CompletionStage<Void> consumeContact(Message<String> record) {
        return inbox.deliver(CONTACTS, record, contacts);
    }

    @Incoming(CASES)
    @Blocking
    public CompletionStage<Void> consumeCaseEvent(Message<String> record) {
        return inbox.deliver(CASES, record, cases);
    }

    /** The same appliers replay dead letters. */
    @Produces
    @ApplicationScoped
    TopicApplier contactApplier() {
        return contacts;
    }

    @Produces
    @ApplicationScoped
    TopicApplier caseApplier() {
        return cases;
    }

    private TopicApplier applier(String topic, Class<? extends HotlineEvent> expected) {
        return new TopicApplier() {
            @Override
            public String topic() {
                return topic;
            }

            @Override
            public void apply(String payload) {
                liveEvents.apply(payload, expected);
            }
        };
    }
}
