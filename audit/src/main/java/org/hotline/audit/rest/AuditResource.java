package org.hotline.audit.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hotline.audit.AuditEntry;
import org.hotline.audit.AuditFilter;
import org.hotline.audit.AuditLog;
import org.hotline.problem.Actor;
import org.hotline.problem.Problem;
import org.hotline.problem.ProblemException;
import org.hotline.problem.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The service's audit log, for admins: filtered by time, actor and subject, newest first, one page at a time. */
@Path("/api/v1/admin/audit")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 500;

    private final AuditLog auditLog;
    private final Actor actor;

    public AuditResource(AuditLog auditLog, Actor actor) {
        this.auditLog = auditLog;
        this.actor = actor;
    }

    /** One page of entries and the filter that chose them. */
    public record AuditPage(List<AuditEntry> entries, int page, int size) {
    }

    @GET
    @Operation(operationId = "listAuditEntries", summary = "Audit entries, newest first",
            description = "from (inclusive) and to (exclusive) are ISO-8601 instants; actor is a token subject;"
                    + " subject a contact id, case reference, caller key or request path. page from 0, size 1.."
                    + MAX_SIZE + " (default " + DEFAULT_SIZE + "). A bad filter is a 400 naming each field.")
    public AuditPage list(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("actor") String actor, @QueryParam("subject") String subject,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Optional<Instant> since = instant("from", from, errors);
        Optional<Instant> until = instant("to", to, errors);
        if (since.isPresent() && until.isPresent() && !since.get().isBefore(until.get())) {
            errors.add(new Problem.FieldError("to", "must be after from"));
        }
        int pageNumber = number("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE, errors);
        int pageSize = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE, errors);
        Optional<String> who = text("actor", actor, errors);
        Optional<String> what = text("subject", subject, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The filter has invalid fields.", errors);
        }
        List<AuditEntry> entries = auditLog.find(new AuditFilter(since, until, who, what, pageNumber, pageSize));
        // Reading the log is itself on file: its entries say who read which contact, so reading them matters.
        auditLog.record(this.actor.subject(), "audit.read", what.orElse(null), null, "ok: " + entries.size() + " entries"
                + who.map(a -> ", actor " + a).orElse(""));
        return new AuditPage(entries, pageNumber, pageSize);
    }

    private static Optional<Instant> instant(String field, String value, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.strip()));
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z"));
            return Optional.empty();
        }
    }

    private static int number(String field, String value, int fallback, int min, int max,
            List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below, like a number out of range.
        }
        errors.add(new Problem.FieldError(field, "must be a whole number from " + min + " to " + max));
        return fallback;
    }

    private static Optional<String> text(String field, String value, List<Problem.FieldError> errors) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() > 200) {
            errors.add(new Problem.FieldError(field, "must be at most 200 characters"));
            return Optional.empty();
        }
        return Optional.of(value);
    }
}
