package org.hotline.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SuppressedRefusalsTest {

    @Test
    void aSummarySaysHowManyOfEachStatusFromHowManySources() {
        assertThat(SuppressedRefusals.outcome(Map.of(403, 3L, 401, 412L), 2, false))
                .isEqualTo("refused-401 x412, refused-403 x3 from 2 sources");
        assertThat(SuppressedRefusals.outcome(Map.of(429, 1L), 1, false)).isEqualTo("refused-429 x1 from 1 source");
        assertThat(SuppressedRefusals.outcome(Map.of(401, 9L), 10000, true))
                .isEqualTo("refused-401 x9 from at least 10000 sources");
    }
}
