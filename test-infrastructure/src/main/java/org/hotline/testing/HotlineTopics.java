package org.hotline.testing;

import java.util.List;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.hotline.events.Topics;

/** Creates the hotline's topics up front, as ./stack does, so no consumer waits on auto-creation. */
public final class HotlineTopics {

    private HotlineTopics() {
    }

    /** Creates each named topic that does not exist yet, as {@link Topics#definitions()} defines it. */
    public static void create(Admin admin, List<String> names) {
        try {
            for (Topics.Definition topic : Topics.definitions()) {
                if (!names.contains(topic.name())) {
                    continue;
                }
                try {
                    admin.createTopics(List.of(new NewTopic(topic.name(), topic.partitions(), (short) 1)
                            .configs(topic.config()))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics " + names, e);
        }
    }
}
