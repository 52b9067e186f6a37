package org.hotline.intake.rest;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Publishes the bulk import under the path clients call, {@code /api/v1/contacts:batch}, rather
 * than the internal one its resource is matched on after {@link BatchPath} rewrote the request.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class BatchPathDocument implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        PathItem batch = openAPI.getPaths().getPathItem(BatchPath.INTERNAL);
        if (batch != null) {
            openAPI.getPaths().removePathItem(BatchPath.INTERNAL);
            openAPI.getPaths().addPathItem(BatchPath.PUBLIC, batch);
        }
    }
}
