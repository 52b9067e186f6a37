package org.hotline.intake.health;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.hotline.intake.config.ReadinessConfig;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * DOWN once the oldest event in the outbox is older than {@code hotline.readiness.outbox-max-age}:
 * contacts are then stored but no longer reach case-service and the ops room. It asks the table
 * itself rather than the relay's gauge, so a stuck relay cannot report a stale, healthy age.
 */
@Readiness
@ApplicationScoped
public class OutboxAgeCheck implements HealthCheck {

    // The lowest id is the oldest event, and the primary key finds it without a scan.
    private static final String OLDEST = "select created_at from outbox_message order by id limit 1";

    private final DataSource dataSource;
    private final ReadinessConfig config;
    private final Clock clock;

    public OutboxAgeCheck(DataSource dataSource, ReadinessConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet oldest = statement.executeQuery(OLDEST)) {
            return judge(oldest.next() ? oldest.getTimestamp(1).toInstant() : null);
        } catch (SQLException e) {
            // The datasource's own check reports the database; this one only says it cannot tell.
            return named().down().withData("error", e.getMessage()).build();
        }
    }

    /** @param oldest when the oldest event in the outbox was stored; null when the outbox is empty */
    HealthCheckResponse judge(Instant oldest) {
        Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest, clock.instant());
        return named().status(age.compareTo(config.outboxMaxAge()) <= 0).withData("ageSeconds", age.toSeconds())
                .build();
    }

    private HealthCheckResponseBuilder named() {
        return HealthCheckResponse.named("outbox age").withData("maxAgeSeconds", config.outboxMaxAge().toSeconds());
    }
}
