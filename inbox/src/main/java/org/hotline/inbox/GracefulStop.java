package org.hotline.inbox;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A graceful stop in the order that loses nothing: stop taking batches, stop fetching, wait for
 * the batch in flight, and only then let Quarkus close the database (it does so after every
 * shutdown observer has returned). Without this, the consumers kept delivering while Hibernate
 * closed, and every record of the backlog failed with "EntityManagerFactory is closed" and was
 * dead-lettered.
 */
@ApplicationScoped
public class GracefulStop {

    private static final Logger LOG = Logger.getLogger(GracefulStop.class);

    /** Static: {@link TransientFailure} is created by SmallRye Fault Tolerance, not by CDI. */
    private static final AtomicBoolean BEGAN = new AtomicBoolean();

    private final InFlight inFlight;
    private final KafkaClientService kafka;
    private final InboxConfig config;

    public GracefulStop(InFlight inFlight, KafkaClientService kafka, InboxConfig config) {
        this.inFlight = inFlight;
        this.kafka = kafka;
        this.config = config;
    }

    static boolean began() {
        return BEGAN.get();
    }

    /** A JVM may start the application again after a stop (tests do): it starts taking records again. */
    void start(@Observes StartupEvent startup) {
        BEGAN.set(false);
    }

    /** Before the other shutdown observers (the outbox relay's among them), and before the database closes. */
    void stop(@Observes @Priority(1) ShutdownEvent shutdown) {
        BEGAN.set(true);
        for (String channel : kafka.getConsumerChannels()) {
            try {
                kafka.getConsumers(channel).forEach(consumer -> consumer.pause().await().atMost(Duration.ofSeconds(5)));
            } catch (RuntimeException e) {
                // The broker may be away: records already fetched are held back by the inbox all the same.
                LOG.debugf("Could not pause %s: %s", channel, e.getMessage());
            }
        }
        try {
            if (!inFlight.awaitNone(config.stopTimeout())) {
                LOG.warnf("Stopping with a batch still in flight after %s; it is delivered again after the restart",
                        config.stopTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
