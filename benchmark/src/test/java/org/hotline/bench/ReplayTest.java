package org.hotline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ReplayTest {

    @Test
    void aFinishedRebuildCountsEveryRecordItReadOverItsOwnStartToEnd() throws Exception {
        var progress = new ObjectMapper().readTree("""
                {"state":"DONE","generation":2,"startedAt":"2026-12-01T08:00:00Z",
                 "finishedAt":"2026-12-01T08:00:04.500Z","unreadable":0,
                 "topics":{"hotline.contacts.v1":{"done":9000,"total":9000},
                           "hotline.cases.v1":{"done":900,"total":900}}}""");

        assertThat(Replay.of(progress, Instant.parse("2026-12-01T09:00:00Z"))).isEqualTo(new Drain(9_900, 4.5, 9_900, 9_900));
    }

    @Test
    void aRebuildStillRunningIsTimedUntilNow() throws Exception {
        var progress = new ObjectMapper().readTree("""
                {"state":"RUNNING","generation":2,"startedAt":"2026-12-01T08:00:00Z","finishedAt":null,
                 "topics":{"hotline.contacts.v1":{"done":3000,"total":9000},
                           "hotline.cases.v1":{"done":0,"total":900}}}""");

        Drain drain = Replay.of(progress, Instant.parse("2026-12-01T08:00:06Z"));

        assertThat(drain).isEqualTo(new Drain(3_000, 6.0, 9_900, 3_000));
        assertThat(drain.emptied()).isFalse();
    }
}
