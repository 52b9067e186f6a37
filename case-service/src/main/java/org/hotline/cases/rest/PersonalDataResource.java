package org.hotline.cases.rest;

import org.hotline.problem.Actor;
import org.hotline.problem.Roles;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.cases.service.PersonalData;
import org.hotline.problem.Problem.FieldError;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A man's personal data, read from intake-service for the officer working his case (need to know:
 * the case is assigned to him or his team) or for a supervisor. Needs the reason
 * ({@code X-Access-Reason}) from both. The reader's own token goes on to intake, which applies the
 * same rule and audits the read under his name.
 */
@RolesAllowed({ Roles.CASE_OFFICER, Roles.SUPERVISOR })
@Path("/api/v1/cases/{reference}/contacts/{contactId}/personal-data")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "personal data")
public class PersonalDataResource {

    private final PersonalData personalData;
    private final Actor actor;

    public PersonalDataResource(PersonalData personalData, Actor actor) {
        this.personalData = personalData;
        this.actor = actor;
    }

    @GET
    @Operation(operationId = "readCaseContactPersonalData",
            summary = "The personal data of a contact linked to this case, fetched from intake-service and not"
            + " kept; only for the officer or team the case is assigned to, or a supervisor; 404 when not linked or"
            + " unknown, 503 when intake-service is unavailable")
    @APIResponse(responseCode = "200", description = "The contact's personal data, as intake-service holds it")
    @APIResponse(responseCode = "403", description = "The case is not assigned to this officer or his team")
    @APIResponse(responseCode = "404", description = "No such case, or the contact is not linked to it")
    @APIResponse(responseCode = "502", description = "intake-service refused the read")
    @APIResponse(responseCode = "503", description = "intake-service is unavailable")
    public JsonNode read(@PathParam("reference") String reference, @PathParam("contactId") String contactId,
            @HeaderParam(AccessReason.HEADER) String reason) {
        List<FieldError> errors = OfficerRequest.noErrors();
        OfficerRequest request = OfficerRequest.parse(reference, actor.subject(), null, errors);
        UUID contact = OfficerRequest.uuid("contactId", contactId, errors);
        String checkedReason = AccessReason.required(reason, "say why you need this man's personal data", errors);
        OfficerRequest.throwIfAny(errors);
        return personalData.of(request.reference(), contact, AccessReason.reader(actor, Optional.of(checkedReason)));
    }
}
