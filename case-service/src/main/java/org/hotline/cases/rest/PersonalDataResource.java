package org.hotline.cases.rest;

import org.hotline.audit.AuditLog;
import org.hotline.problem.Actor;
import org.hotline.problem.Roles;
import java.util.List;
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
 * A man's personal data, read from intake-service for the officer working his case. Needs the
 * reason ({@code X-Access-Reason}). The officer's own token goes on to intake, which checks his role
 * and audits the read under his name.
 */
@RolesAllowed(Roles.CASE_OFFICER)
@Path("/api/v1/cases/{reference}/contacts/{contactId}/personal-data")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "personal data")
public class PersonalDataResource {

    static final String ACCESS_REASON = "X-Access-Reason";
    /** Leaves room for the case and officer prefix within intake's 200 characters. */
    static final int MAX_REASON_LENGTH = 100;

    private final PersonalData personalData;
    private final Actor actor;
    private final AuditLog auditLog;

    public PersonalDataResource(PersonalData personalData, Actor actor, AuditLog auditLog) {
        this.personalData = personalData;
        this.actor = actor;
        this.auditLog = auditLog;
    }

    @GET
    @Operation(operationId = "readCaseContactPersonalData",
            summary = "The personal data of a contact linked to this case, fetched from intake-service and not"
            + " kept; 404 when not linked or unknown, 503 when intake-service is unavailable")
    @APIResponse(responseCode = "200", description = "The contact's personal data, as intake-service holds it")
    @APIResponse(responseCode = "404", description = "No such case, or the contact is not linked to it")
    @APIResponse(responseCode = "502", description = "intake-service refused the read")
    @APIResponse(responseCode = "503", description = "intake-service is unavailable")
    public JsonNode read(@PathParam("reference") String reference, @PathParam("contactId") String contactId,
            @HeaderParam(ACCESS_REASON) String reason) {
        List<FieldError> errors = OfficerRequest.noErrors();
        OfficerRequest request = OfficerRequest.parse(reference, actor.subject(), null, errors);
        UUID contact = OfficerRequest.uuid("contactId", contactId, errors);
        String checkedReason = checkReason(reason, errors);
        OfficerRequest.throwIfAny(errors);
        // The request is recorded here, the read itself by intake (with the same officer, from his token).
        auditLog.record(request.officer(), "personal-data.request", contact.toString(), checkedReason,
                "asked intake, case " + request.reference());
        return personalData.of(request.reference(), contact, request.officer(), checkedReason);
    }

    private static String checkReason(String reason, List<FieldError> errors) {
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError(ACCESS_REASON, "is required: say why you need this man's personal data"));
            return null;
        }
        String stripped = reason.strip();
        if (stripped.length() > MAX_REASON_LENGTH) {
            errors.add(new FieldError(ACCESS_REASON, "must be at most " + MAX_REASON_LENGTH + " characters"));
        } else if (!stripped.matches(OfficerRequest.PRINTABLE)) {
            errors.add(new FieldError(ACCESS_REASON, "must not contain control characters"));
        }
        return stripped;
    }
}
