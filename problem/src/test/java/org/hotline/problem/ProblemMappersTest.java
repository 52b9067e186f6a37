package org.hotline.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import jakarta.ws.rs.core.Response;

/**
 * A request that fails because the database is away must tell the client to come back (503 and
 * {@code Retry-After}), not that the service is broken (500); anything else unexpected stays a 500.
 * Both as problem+json.
 */
class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aLostDatabaseConnectionIsA503WithRetryAfter() {
        Response response = mappers.unexpected(new IllegalStateException("could not execute statement",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo(String.valueOf(ProblemMappers.RETRY_AFTER_SECONDS));
        assertThat(response.getMediaType()).hasToString(Problem.MEDIA_TYPE);
        assertThat(((Problem) response.getEntity()).detail()).contains("send the same request again");
    }

    @Test
    void aDatabaseShuttingDownOrAnEmptyPoolIsA503Too() {
        assertThat(mappers.unexpected(new IllegalStateException(new SQLException("terminating connection", "57P01")))
                .getStatus()).isEqualTo(503);
        assertThat(mappers.unexpected(new RuntimeException(new SQLException("Sorry, acquisition timeout!")))
                .getStatus()).isEqualTo(503);
    }

    @Test
    void anyOtherFailureIsA500WithoutRetryAfter() {
        Response integrity = mappers.unexpected(new IllegalStateException(new SQLException("duplicate key", "23505")));
        Response bug = mappers.unexpected(new NullPointerException());

        assertThat(integrity.getStatus()).isEqualTo(500);
        assertThat(bug.getStatus()).isEqualTo(500);
        assertThat(bug.getHeaderString("Retry-After")).isNull();
        assertThat(bug.getMediaType()).hasToString(Problem.MEDIA_TYPE);
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(DatabaseUnavailable.causes(first)).isFalse();
    }
}
