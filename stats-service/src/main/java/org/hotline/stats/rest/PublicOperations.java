package org.hotline.stats.rest;

import java.util.ArrayList;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * States in the OpenAPI document that the public figures need no token: their operations carry
 * {@code security: []}, so no client or generator applies the document's bearer scheme to them.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class PublicOperations implements OASFilter {

    private static final Set<String> PUBLIC = Set.of("publicSummary", "publicSeries");

    @Override
    public Operation filterOperation(Operation operation) {
        if (PUBLIC.contains(operation.getOperationId())) {
            operation.setSecurity(new ArrayList<>());
        }
        return operation;
    }
}
