package org.hotline.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void testPortsAreChosenBelowTheEphemeralRangeSoNoOutgoingConnectionCanTakeThem() {
        int floor = Ports.ephemeralFloor();
        for (int i = 0; i < 50; i++) {
            assertThat(Ports.freePort()).isLessThan(floor).isGreaterThanOrEqualTo(1024);
        }
    }

    @Test
    void aStacksSevenPortsAreAllDifferent() {
        Ports ports = Ports.free();
        List<Integer> all = List.copyOf(ports.byVariable().values());
        assertThat(all).doesNotHaveDuplicates().hasSize(7);
    }
}
