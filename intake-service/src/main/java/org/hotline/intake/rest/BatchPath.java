package org.hotline.intake.rest;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * Routes the public {@code /api/v1/contacts:batch} (a "custom method" path) to the bulk import.
 * RESTEasy Reactive matches {@code /api/v1/contacts} as a prefix of it and then finds no method,
 * whatever the resource paths are, so the path is rewritten before matching.
 */
public class BatchPath {

    static final String PUBLIC = "/api/v1/contacts:batch";
    static final String INTERNAL = "/api/v1/contacts/:batch";

    @ServerRequestFilter(preMatching = true)
    public void route(ContainerRequestContext request) {
        if (PUBLIC.equals(request.getUriInfo().getPath())) {
            request.setRequestUri(request.getUriInfo().getRequestUriBuilder().replacePath(INTERNAL).build());
        }
    }
}
