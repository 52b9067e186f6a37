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

    /** Creates each topic that does not exist yet, with {@link Topics#PARTITIONS} partitions. */
    public static void create(Admin admin, List<String> names) {
        try {
            for (String name : names) {
                try {
                    admin.createTopics(List.of(new NewTopic(name, Topics.PARTITIONS, (short) 1))).all().get();
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
