package org.hotline.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

/**
 * Applies dead letters again, once their cause is fixed, through the same {@link EventConsumer}
 * and {@link InboxTransaction} as the live consumer. Exactly-once holds: an event applied before (by an earlier replay, or
 * because it was redelivered) is recognised by its event id and changes nothing. The dead-letter
 * topic itself is left as it is: it is the record of what failed.
 */
@ApplicationScoped
public class DeadLetterReplay {

    private static final Logger LOG = Logger.getLogger(DeadLetterReplay.class);

    /** What became of one dead letter: {@code error} is null when it was applied (or had been before). */
    public record Outcome(String id, boolean applied, String error) {
    }

    private final DeadLetterTopic topic;
    private final InboxTransaction transaction;
    private final Map<String, EventConsumer<?>> consumers;

    public DeadLetterReplay(DeadLetterTopic topic, InboxTransaction transaction,
            @Any Instance<EventConsumer<?>> consumers) {
        this.topic = topic;
        this.transaction = transaction;
        this.consumers = consumers.stream().collect(Collectors.toMap(EventConsumer::topic, Function.identity()));
    }

    public List<DeadLetter> list() {
        return topic.readAll().stream().map(DeadLetterTopic.Stored::letter).toList();
    }

    /** Replays the dead letters with these ids, or all of them if {@code ids} is empty. */
    public List<Outcome> replay(Set<String> ids) {
        List<Outcome> outcomes = new ArrayList<>();
        for (DeadLetterTopic.Stored stored : topic.readAll()) {
            DeadLetter letter = stored.letter();
            if (!ids.isEmpty() && !ids.contains(letter.id())) {
                continue;
            }
            EventConsumer<?> consumer = consumers.get(letter.topic());
            if (consumer == null) {
                outcomes.add(new Outcome(letter.id(), false, "no consumer here reads topic " + letter.topic()));
                continue;
            }
            Consumed record = new Consumed(stored.payload(), stored.eventId(), null);
            try (Scope entered = record.enter()) {
                transaction.apply(consumer, List.of(record));
                outcomes.add(new Outcome(letter.id(), true, null));
            } catch (RuntimeException e) {
                LOG.warnf("Dead letter %s still fails: %s", letter.id(), e.getMessage());
                outcomes.add(new Outcome(letter.id(), false, e.getMessage()));
            }
        }
        return outcomes;
    }
}
