package org.hotline.stats.metrics;

import org.hotline.stats.config.StatsConfig;
import org.hotline.stats.service.Rebuild;
import org.hotline.stats.service.StatsChanges;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code hotline.stats.changes}: how often the ops room's figures changed (a live event applied,
 * a rebuild activated). A redelivered event changes nothing and is not counted, so a rate of zero
 * while contacts flow into intake means the figures have stopped following. Also
 * {@code hotline.dead.letters{channel}}, from 0, and the progress of the latest rebuild:
 * {@code hotline.stats.rebuild.running} (1 or 0) and, per replayed topic,
 * {@code hotline.stats.rebuild.records.read} of {@code hotline.stats.rebuild.records.to.read}.
 */
@Startup
@ApplicationScoped
public class StatsMetrics {

    public StatsMetrics(StatsChanges changes, Rebuild rebuild, StatsConfig config, MeterRegistry registry) {
        FunctionCounter.builder("hotline.stats.changes", changes, StatsChanges::version)
                .description("Changes to the ops room's figures: live events applied and rebuilds activated")
                .register(registry);
        Gauge.builder("hotline.stats.rebuild.running", rebuild, r -> r.progress().running() ? 1 : 0)
                .description("1 while a rebuild replays the topics").register(registry);
        for (String topic : new String[] {config.rebuild().contactsTopic(), config.rebuild().casesTopic()}) {
            Gauge.builder("hotline.stats.rebuild.records.read", rebuild, r -> topicProgress(r, topic).done())
                    .tag("topic", topic).description("Records the latest rebuild has replayed").register(registry);
            Gauge.builder("hotline.stats.rebuild.records.to.read", rebuild, r -> topicProgress(r, topic).total())
                    .tag("topic", topic).description("Records the latest rebuild replays in all").register(registry);
        }
    }

    private static Rebuild.TopicProgress topicProgress(Rebuild rebuild, String topic) {
        return rebuild.progress().topics().getOrDefault(topic, new Rebuild.TopicProgress(0, 0));
    }
}
