package org.hotline.cases.rest;

import org.hotline.audit.AuditLog;
import org.hotline.problem.Actor;
import org.hotline.problem.Roles;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.cases.service.Inquiries;
import org.hotline.problem.Problem.FieldError;
import org.hotline.problem.ProblemException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Contacts waiting for an officer: relatives' open inquiries, and contacts whose reference no case has. */
@RolesAllowed({ Roles.CASE_OFFICER, Roles.SUPERVISOR })
@Path("/api/v1/inquiries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "inquiries")
public class InquiryResource {

    private final Inquiries inquiries;
    private final AuditLog auditLog;
    private final Actor actor;

    public InquiryResource(Inquiries inquiries, AuditLog auditLog, Actor actor) {
        this.inquiries = inquiries;
        this.auditLog = auditLog;
        this.actor = actor;
    }

    @GET
    @Operation(operationId = "listInquiries",
            summary = "open=true: relatives' inquiries not linked to a case; unsettled=true: contacts naming a"
            + " reference no case has. Oldest first.")
    @APIResponse(responseCode = "200", description = "The inquiries or unsettled contacts asked for")
    public InquiryView.Page list(
            @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("open") String open,
            @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("unsettled") String unsettled) {
        boolean wantOpen = flag("open", open);
        boolean wantUnsettled = flag("unsettled", unsettled);
        if (wantOpen == wantUnsettled) {
            throw ProblemException.badRequest("Ask for one list.", List.of(new FieldError("open",
                    "give exactly one of open=true or unsettled=true")));
        }
        auditLog.record(actor.subject(), wantOpen ? "inquiry.list.open" : "inquiry.list.unsettled", null, null, "ok");
        if (wantOpen) {
            Inquiries.OpenInquiries found = inquiries.open();
            return new InquiryView.Page(found.items().stream().map(InquiryView::of).toList(), found.total());
        }
        Inquiries.UnsettledContacts found = inquiries.unsettled();
        return new InquiryView.Page(found.items().stream().map(InquiryView::of).toList(), found.total());
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.isBlank() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ProblemException.badRequest("The request has invalid query parameters.",
                List.of(new FieldError(name, "must be true or false")));
    }
}
