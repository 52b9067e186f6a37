package org.hotline.intake.rest;

import org.hotline.problem.Roles;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.hotline.intake.RecordedContact;
import org.hotline.intake.service.AnsweredRequests;
import org.hotline.intake.service.ContactReader;
import org.hotline.intake.service.ContactService;
import org.hotline.intake.service.KeyedRequest;
import org.hotline.problem.Actor;
import org.hotline.problem.Problem;
import org.hotline.problem.ProblemException;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Contacts, one at a time. */
@Path("/api/v1/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "contacts")
public class ContactResource {

    static final String ACCESS_REASON = "X-Access-Reason";
    private static final int MAX_REASON_LENGTH = 200;

    private final ContactService contacts;
    private final IdempotencyKey idempotency;
    private final AnsweredRequests answers;
    private final Actor actor;

    public ContactResource(ContactService contacts, IdempotencyKey idempotency, AnsweredRequests answers, Actor actor) {
        this.contacts = contacts;
        this.idempotency = idempotency;
        this.answers = answers;
        this.actor = actor;
    }

    /**
     * With an {@code Idempotency-Key}, the contact and the answer to the key commit together, so
     * a retry after a lost answer gets that answer back instead of creating a second contact.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "recordContact", summary = "Records one contact; a surrender request gets its case"
            + " reference in the answer. With an Idempotency-Key, a retry gets the first answer back")
    @APIResponse(responseCode = "201", description = "Recorded; Location names the contact")
    @APIResponse(responseCode = "413", description = "The body is larger than a single contact may be")
    @APIResponse(responseCode = "422", description = "The named case reference is unknown, or the Idempotency-Key"
            + " was used for a different request")
    public Response record(@HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @NotNull @Valid NewContactRequest body) {
        if (idempotencyKey == null) {
            return created(contacts.record(body.toDraft()));
        }
        KeyedRequest request = idempotency.keyed("contact", idempotencyKey, body);
        return idempotency.answerOnce(request, () -> created(contacts.record(body.toDraft(),
                recorded -> answers.remember(request, Response.Status.CREATED.getStatusCode(),
                        ContactCreated.of(recorded), locationOf(recorded)))));
    }

    /**
     * Personal data: refused without a reason; for a case officer only when the contact is on a case
     * assigned to him or his team (need to know), for a supervisor always. Every read and every
     * refusal is audited under the reader's token subject.
     */
    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.CASE_OFFICER, Roles.SUPERVISOR })
    @Operation(operationId = "readContact", summary = "A contact with its caller's personal data; needs an"
            + " X-Access-Reason. A case officer reads only contacts on a case assigned to him or his team; a"
            + " supervisor reads any. Every read and refusal is audited")
    @APIResponse(responseCode = "200", description = "The contact")
    @APIResponse(responseCode = "403", description = "The contact is on no case assigned to this officer or his team")
    @APIResponse(responseCode = "404", description = "No such contact, or its caller's data was erased")
    public ContactView read(@PathParam("id") UUID id, @HeaderParam(ACCESS_REASON) String reason) {
        String checkedReason = checked(reason);
        ContactReader reader = new ContactReader(actor.subject(), actor.team(), actor.holds(Roles.SUPERVISOR));
        return ContactView.of(contacts.readPersonalData(id, reader, checkedReason));
    }

    private static Response created(RecordedContact recorded) {
        return Response.created(URI.create(locationOf(recorded))).entity(ContactCreated.of(recorded)).build();
    }

    private static String locationOf(RecordedContact recorded) {
        return "/api/v1/contacts/" + recorded.contact().id;
    }

    private static String checked(String reason) {
        String problem = null;
        if (reason == null || reason.isBlank()) {
            problem = "is required: say why you need this caller's personal data";
        } else if (reason.length() > MAX_REASON_LENGTH) {
            problem = "must be at most " + MAX_REASON_LENGTH + " characters";
        } else if (!reason.matches(NewContactRequest.PRINTABLE)) {
            problem = "must not contain control characters";
        }
        if (problem != null) {
            throw ProblemException.badRequest("Reading personal data needs an access reason.",
                    List.of(new Problem.FieldError(ACCESS_REASON, problem)));
        }
        return reason.strip();
    }
}
