package org.hotline.intake.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.hotline.intake.Contact;
import org.hotline.intake.service.ContactService;
import org.hotline.problem.Problem;
import org.hotline.problem.ProblemException;
import org.jboss.resteasy.reactive.RestResponse;

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

@Path("/api/v1/contacts")
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {

    static final String ACCESS_REASON = "X-Access-Reason";
    private static final int MAX_REASON_LENGTH = 200;

    private final ContactService contacts;

    public ContactResource(ContactService contacts) {
        this.contacts = contacts;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<ContactCreated> record(@NotNull @Valid NewContactRequest body) {
        Contact contact = contacts.record(body.toDraft());
        return RestResponse.ResponseBuilder.<ContactCreated>created(URI.create("/api/v1/contacts/" + contact.id))
                .entity(ContactCreated.of(contact))
                .build();
    }

    /** Personal data: refused without a reason, and every read is audited. */
    @GET
    @Path("{id}")
    public ContactView read(@PathParam("id") UUID id, @HeaderParam(ACCESS_REASON) String reason) {
        return ContactView.of(contacts.readPersonalData(id, checked(reason)));
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
