package org.hotline.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventLogContextTest {

    @AfterEach
    void clear() {
        MDC.remove(EventLogContext.EVENT_ID);
    }

    @Test
    void theEventIdIsInTheLogContextUntilClosed() {
        try (EventLogContext logged = EventLogContext.of("5b0e0c1a-7a41-4a5e-9d8c-2f5c3b8f1e01")) {
            assertThat(MDC.get(EventLogContext.EVENT_ID)).isEqualTo("5b0e0c1a-7a41-4a5e-9d8c-2f5c3b8f1e01");
        }
        assertThat(MDC.get(EventLogContext.EVENT_ID)).isNull();
    }

    @Test
    void aNestedEventGivesTheOuterOneBackWhenClosed() {
        try (EventLogContext outer = EventLogContext.of("outer")) {
            try (EventLogContext inner = EventLogContext.of("inner")) {
                assertThat(MDC.get(EventLogContext.EVENT_ID)).isEqualTo("inner");
            }
            assertThat(MDC.get(EventLogContext.EVENT_ID)).isEqualTo("outer");
        }
    }

    @Test
    void noIdChangesNothing() {
        try (EventLogContext logged = EventLogContext.of(null)) {
            assertThat(MDC.get(EventLogContext.EVENT_ID)).isNull();
        }
    }
}
