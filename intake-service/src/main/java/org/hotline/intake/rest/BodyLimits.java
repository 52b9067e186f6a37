package org.hotline.intake.rest;

import java.util.List;

import org.hotline.problem.Problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a body that announces itself as too big before a byte of it is read, and a chunked
 * body once it grows past the limit, as a 413 problem. (Past {@code quarkus.http.limits.max-body-size}, set above these limits, Vert.x would
 * answer a bare 413 that no client can read as a problem.) A bulk import gets
 * {@link #MAX_IMPORT_BYTES}; one contact, at most about 10 KiB of text even in Cyrillic, gets
 * {@link #MAX_CONTACT_BYTES}.
 */
@ApplicationScoped
public class BodyLimits {

    static final long MAX_CONTACT_BYTES = 64 * 1024;
    static final long MAX_IMPORT_BYTES = 16 * 1024 * 1024;
    private static final int AFTER_THE_TOKEN_CHECK = 50;

    private final ObjectMapper json;

    public BodyLimits(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Filters filters) {
        // Before any route reads the body, but after the token check (Quarkus' authentication
        // filter has priority 200, its path authorisation 100): a refused request is not read.
        filters.register(this::check, AFTER_THE_TOKEN_CHECK);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long announced = announced(length);
            // Within the smaller limit (every contact, every GET): no need to know the path.
            if (announced > MAX_CONTACT_BYTES && announced > limitOf(context)) {
                refuse(context, limitOf(context));
                return;
            }
        } else if (context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING, "chunked", true)) {
            if (!authenticated(context)) {
                // No token (a bad one was refused before this filter): intake has no endpoint
                // for anonymous callers, and the REST layer refuses before it reads a body.
                context.next();
                return;
            }
            readCounting(context, limitOf(context));
            return;
        }
        context.next();
    }

    private static boolean authenticated(RoutingContext context) {
        return context.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous();
    }

    private static long limitOf(RoutingContext context) {
        // Clients may send the colon percent-encoded; Vert.x leaves it so.
        String path = context.normalizedPath().replace("%3A", ":").replace("%3a", ":");
        return BatchPath.PUBLIC.equals(path) ? MAX_IMPORT_BYTES : MAX_CONTACT_BYTES;
    }

    /**
     * A chunked body announces no length, so it is counted as it comes: past the limit it is
     * refused like an announced one, and nothing reaches a resource. A body within the limit is
     * handed on whole; Quarkus REST reads a body already read (RoutingContext#getBody) from there.
     */
    private void readCounting(RoutingContext context, long limit) {
        HttpServerRequest request = context.request();
        Buffer body = Buffer.buffer();
        boolean[] refused = { false };
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + (long) chunk.length() > limit) {
                refused[0] = true;
                refuse(context, limit);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(end -> {
            if (!refused[0]) {
                context.setBody(body);
                context.next();
            }
        });
        request.exceptionHandler(context::fail);
        // Vert.x pauses a request until a handler wants its body.
        request.resume();
    }

    private static long announced(String length) {
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return 0; // Vert.x refuses a malformed length itself
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
