package org.hotline.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hotline.telemetry.EventLogContext;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Applies dead letters again, once their cause is fixed, through the same {@link TopicApplier}
 * as the live consumer. Exactly-once holds: an event applied before (by an earlier replay, or
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
    private final Map<String, TopicApplier> appliers;

    public DeadLetterReplay(DeadLetterTopic topic, Instance<TopicApplier> appliers) {
        this.topic = topic;
        this.appliers = appliers.stream().collect(Collectors.toMap(TopicApplier::topic, Function.identity()));
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
            TopicApplier applier = appliers.get(letter.topic());
            if (applier == null) {
                outcomes.add(new Outcome(letter.id(), false, "no consumer here reads topic " + letter.topic()));
                continue;
            }
            try (EventLogContext logged = EventLogContext.of(stored.eventId())) {
                applier.apply(stored.payload());
                outcomes.add(new Outcome(letter.id(), true, null));
            } catch (RuntimeException e) {
                LOG.warnf("Dead letter %s still fails: %s", letter.id(), e.getMessage());
                outcomes.add(new Outcome(letter.id(), false, e.getMessage()));
            }
        }
        return outcomes;
    }
}
