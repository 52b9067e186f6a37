package org.hotline.stats.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.hotline.inbox.KafkaConnection;
import org.hotline.stats.client.OutboxAges;
import org.hotline.stats.config.StatsConfig;
import org.hotline.stats.messaging.KafkaBacklog;
import org.junit.jupiter.api.Test;

import io.smallrye.config.SmallRyeConfigBuilder;

/** The strip asks its remote sources once per {@code sources-cached-for}, however many dashboards refresh. */
class StatusStripTest {

    private final AtomicInteger outboxReads = new AtomicInteger();
    private final AtomicInteger lagReads = new AtomicInteger();
    private final AtomicInteger deadLetterReads = new AtomicInteger();

    @Test
    void manyRefreshesWithinTheCacheTimeAskEachSourceOnce() {
        StatusStrip strip = strip("PT1H");

        List<Status> answers = IntStream.range(0, 20)
                .mapToObj(i -> CompletableFuture.supplyAsync(strip::now)).map(CompletableFuture::join).toList();

        assertThat(answers).allSatisfy(status -> assertThat(status.signals()).hasSize(4));
        assertThat(List.of(outboxReads.get(), lagReads.get(), deadLetterReads.get())).containsExactly(1, 1, 1);
    }

    @Test
    void withNoCacheTimeEveryRefreshAsksAgain() {
        StatusStrip strip = strip("PT0S");

        strip.now();
        strip.now();

        assertThat(List.of(outboxReads.get(), lagReads.get(), deadLetterReads.get())).containsExactly(2, 2, 2);
    }

    private StatusStrip strip(String cachedFor) {
        StatsConfig config = new SmallRyeConfigBuilder().withMapping(StatsConfig.class)
                .withDefaultValue("hotline.stats.time-zone", "Europe/Kyiv")
                .withDefaultValue("hotline.stats.dashboard.status.sources-cached-for", cachedFor)
                .build().getConfigMapping(StatsConfig.class);
        OutboxAges outboxAges = new OutboxAges(config) {
            @Override
            public List<Reading> read() {
                outboxReads.incrementAndGet();
                return List.of(new Reading(URI.create("http://intake/q/metrics"), Optional.of(3.0), Optional.empty()));
            }
        };
        KafkaBacklog backlog = new KafkaBacklog(config, new KafkaConnection(Map.of("bootstrap.servers", "127.0.0.1:9"))) {
            @Override
            public Map<String, Long> consumerLag() {
                lagReads.incrementAndGet();
                return Map.of("case-service", 0L);
            }

            @Override
            public Map<String, Long> deadLetters() {
                deadLetterReads.incrementAndGet();
                return Map.of("hotline.case-service.dead-letters.v1", 0L);
            }
        };
        return new StatusStrip(outboxAges, backlog, new StatsChanges(), config,
                Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC));
    }
}
