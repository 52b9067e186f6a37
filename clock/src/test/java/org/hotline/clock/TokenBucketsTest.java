package org.hotline.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private static final Instant START = Instant.parse("2023-04-08T10:00:00Z");

    @Test
    void aKeySpendsItsBurstThenWaitsForTheNextTokenWhileAnotherKeyIsUntouched() {
        TokenBuckets buckets = new TokenBuckets(Clock.fixed(START, ZoneOffset.UTC), 3, Duration.ofSeconds(10), 100);

        assertThat(buckets.take("a")).isEmpty();
        assertThat(buckets.take("a")).isEmpty();
        assertThat(buckets.take("a")).isEmpty();
        assertThat(buckets.take("a")).contains(Duration.ofSeconds(10));
        assertThat(buckets.take("b")).isEmpty();
    }

    @Test
    void tokensComeBackWithTimeButNoMoreThanTheBurst() {
        Instant[] now = {START};
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now[0];
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                throw new UnsupportedOperationException();
            }
        };
        TokenBuckets buckets = new TokenBuckets(clock, 2, Duration.ofSeconds(10), 100);
        buckets.take("a");
        buckets.take("a");

        now[0] = START.plusSeconds(4);
        assertThat(buckets.take("a")).contains(Duration.ofSeconds(6));
        now[0] = START.plusSeconds(10);
        assertThat(buckets.take("a")).isEmpty();
        now[0] = START.plusSeconds(1000);
        assertThat(buckets.take("a")).isEmpty();
        assertThat(buckets.take("a")).isEmpty();
        assertThat(buckets.take("a")).isPresent();
    }

    @Test
    void pastTheMostKeysFullBucketsAreForgottenAndNothingIsRefusedForIt() {
        TokenBuckets buckets = new TokenBuckets(Clock.fixed(START, ZoneOffset.UTC), 1, Duration.ofHours(1), 2);
        buckets.take("a");
        buckets.take("b");

        Optional<Duration> third = buckets.take("c");

        assertThat(third).isEmpty();
    }
}
