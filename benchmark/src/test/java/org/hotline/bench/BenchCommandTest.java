package org.hotline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.hotline.stack.Console;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    @Test
    void theDrainsBacklogAndTheImportScaleHoldWhereverSmokeStands() {
        BenchPlan plan = BenchPlan.smokeRun().withDrainEvents(1_000_000).withImportScale(new BigDecimal("0.01"));

        assertThat(plan.smoke()).isTrue();
        assertThat(plan.drainEvents()).isEqualTo(1_000_000);
        assertThat(plan.importScale()).isEqualByComparingTo("0.01");
        assertThat(BenchPlan.fullRun().drainEvents()).isEqualTo(BenchPlan.FULL_DRAIN_EVENTS);
    }

    @Test
    void aBacklogOfNothingOrAScaleAboveOneIsRefusedBeforeAnythingStarts() {
        assertThatThrownBy(() -> BenchCommand.run(Path.of("."), List.of("--drain-events", "0"), Console.silent()))
                .isInstanceOf(BenchFailure.class).hasMessageContaining("--drain-events");
        assertThatThrownBy(() -> BenchCommand.run(Path.of("."), List.of("--import-scale", "2"), Console.silent()))
                .isInstanceOf(BenchFailure.class).hasMessageContaining("--import-scale");
        assertThatThrownBy(() -> BenchCommand.run(Path.of("."), List.of("--drain-events", "many"), Console.silent()))
                .isInstanceOf(BenchFailure.class).hasMessageContaining("whole number");
    }
}
