package org.hotline.intake.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.intake.service.MasterKeyRotation;
import org.hotline.problem.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Where the master-key rotation stands, and a way not to wait for its next scheduled round. */
@Path("/api/v1/admin/master-keys")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class MasterKeyResource {

    private final MasterKeyRotation rotation;

    public MasterKeyResource(MasterKeyRotation rotation) {
        this.rotation = rotation;
    }

    @GET
    @Operation(operationId = "masterKeyRotationProgress", summary = "Live data keys per master key version, how many are still to re-wrap, and which"
            + " unwrap-only versions may now be removed from the configuration")
    public MasterKeyRotation.Progress progress() {
        return rotation.progress();
    }

    @POST
    @Path("/rewrap")
    @Operation(operationId = "rewrapDataKeys", summary = "Re-wraps every data key under an older master key with the active one now, and answers"
            + " the progress afterwards")
    public MasterKeyRotation.Progress rewrap() {
        rotation.rewrapAll();
        return rotation.progress();
    }
}
