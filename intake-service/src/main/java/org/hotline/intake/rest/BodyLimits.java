package org.hotline.intake.rest;

import java.util.List;

import org.hotline.problem.Problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a body that announces itself as too big before a byte of it is read, as a 413
 * problem. (Past {@code quarkus.http.limits.max-body-size}, set above these limits, Vert.x would
 * answer a bare 413 that no client can read as a problem.) A bulk import gets
 * {@link #MAX_IMPORT_BYTES}; one contact, at most about 10 KiB of text even in Cyrillic, gets
 * {@link #MAX_CONTACT_BYTES}.
 */
@ApplicationScoped
public class BodyLimits {

    static final long MAX_CONTACT_BYTES = 64 * 1024;
    static final long MAX_IMPORT_BYTES = 16 * 1024 * 1024;

    private final ObjectMapper json;

    public BodyLimits(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Filters filters) {
        // Early: before any route reads the body.
        filters.register(this::check, 1000);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        // Clients may send the colon percent-encoded; Vert.x leaves it so.
        String path = context.normalizedPath().replace("%3A", ":").replace("%3a", ":");
        long limit = BatchPath.PUBLIC.equals(path) ? MAX_IMPORT_BYTES : MAX_CONTACT_BYTES;
        if (length != null && exceeds(length, limit)) {
            refuse(context, limit);
            return;
        }
        context.next();
    }

    private static boolean exceeds(String length, long limit) {
        try {
            return Long.parseLong(length.strip()) > limit;
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed length itself
        }
    }

    private void refuse(RoutingContext context, long limit) {
        Problem problem = Problem.of(413, "Content Too Large", "The body may be at most " + limit + " bytes here."
                + (limit == MAX_CONTACT_BYTES ? " To send many contacts, use " + BatchPath.PUBLIC + "." : ""), List.of());
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":413,\"title\":\"Content Too Large\"}";
        }
        // The unread body is still on its way; asking the client to close spares reading it.
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}
