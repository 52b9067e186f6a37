package org.hotline.stats.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatsQueryTest {

    @Test
    void monthOverMonthChangeIsAFractionOfThePreviousMonth() {
        assertThat(StatsQuery.surrenderRequests(3000, 1500))
                .isEqualTo(new Summary.SurrenderRequests(3000, 1500, 1.0));
        assertThat(StatsQuery.surrenderRequests(1100, 1400))
                .isEqualTo(new Summary.SurrenderRequests(1100, 1400, -0.2143));
    }

    @Test
    void monthOverMonthChangeIsNullWithoutAPreviousMonth() {
        assertThat(StatsQuery.surrenderRequests(500, 0)).isEqualTo(new Summary.SurrenderRequests(500, 0, null));
    }
}
