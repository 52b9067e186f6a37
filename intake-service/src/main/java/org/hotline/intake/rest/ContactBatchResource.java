package org.hotline.intake.rest;

import org.hotline.intake.service.AnsweredRequests;
import org.hotline.intake.service.KeyedRequest;
import org.hotline.problem.Roles;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Bulk import, for migrating history from an older system: one contact per line (NDJSON), each
 * answered on its own. Always 200 once the body could be read; the per-line results say which
 * lines were stored. Served at {@code /api/v1/contacts:batch}; see {@link BatchPath}.
 */
@Path(BatchPath.INTERNAL)
@Tag(name = "contacts")
public class ContactBatchResource {

    static final String NDJSON = "application/x-ndjson";

    private final ContactBatch batch;
    private final IdempotencyKey idempotency;
    private final AnsweredRequests answers;

    public ContactBatchResource(ContactBatch batch, IdempotencyKey idempotency, AnsweredRequests answers) {
        this.batch = batch;
        this.idempotency = idempotency;
        this.answers = answers;
    }

    @POST
    @Consumes(NDJSON)
    @RolesAllowed(Roles.OPERATOR)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importContacts", summary = "Bulk import: one contact per NDJSON line, each answered"
            + " on its own; 200 once the body could be read")
    @APIResponse(responseCode = "200", description = "Per-line results: which lines were stored, and why not")
    @APIResponse(responseCode = "413", description = "The body or its line count exceeds the import's limits")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response importContacts(@HeaderParam(IdempotencyKey.HEADER) String idempotencyKey, byte[] content) {
        byte[] body = content == null ? new byte[0] : content;
        if (idempotencyKey == null) {
            return Response.ok(batch.run(body, null)).build();
        }
        KeyedRequest request = idempotency.keyed("batch", idempotencyKey, body);
        // Each line's answer commits with its contact; the whole answer only once all lines are
        // settled. If the same import ran concurrently and finished first, its lines are ours too.
        return idempotency.answerOnce(request, () -> {
            BatchResult result = batch.run(body, request);
            QuarkusTransaction.requiringNew().run(() -> answers.remember(request, 200, result, null));
            return Response.ok(result).build();
        });
    }
}
