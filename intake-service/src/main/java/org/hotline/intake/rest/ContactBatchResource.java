package org.hotline.intake.rest;

import org.hotline.problem.Roles;
import java.util.Optional;

import io.quarkus.narayana.jta.QuarkusTransaction;
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
public class ContactBatchResource {

    static final String NDJSON = "application/x-ndjson";

    private final ContactBatch batch;
    private final RequestIdempotency idempotency;

    public ContactBatchResource(ContactBatch batch, RequestIdempotency idempotency) {
        this.batch = batch;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(NDJSON)
    @RolesAllowed(Roles.OPERATOR)
    @Produces(MediaType.APPLICATION_JSON)
    public Response importContacts(@HeaderParam(RequestIdempotency.HEADER) String idempotencyKey, byte[] content) {
        byte[] body = content == null ? new byte[0] : content;
        if (idempotencyKey == null) {
            return Response.ok(batch.run(body, null)).build();
        }
        String key = "batch:" + RequestIdempotency.checked(idempotencyKey);
        String requestHash = RequestIdempotency.hashOf(body);
        Optional<Response> earlier = idempotency.earlierAnswer(key, requestHash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        BatchResult result = batch.run(body, key);
        try {
            QuarkusTransaction.requiringNew()
                    .run(() -> idempotency.remember(key, requestHash, 200, result, null));
        } catch (RequestIdempotency.KeyTaken e) {
            // The same import ran concurrently and finished first; its lines are ours too.
            return idempotency.earlierAnswer(key, requestHash).orElseThrow();
        }
        return Response.ok(result).build();
    }
}
