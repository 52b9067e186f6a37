package org.hotline.stats.rest;

import org.hotline.problem.Problem;
import org.hotline.stats.service.RebuildRefused;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.core.Response;

/** A refused rebuild is a 409 problem: the store is fine, it is the moment that is wrong. */
public class RebuildRefusedMapper {

    @ServerExceptionMapper
    public Response refused(RebuildRefused e) {
        return Problem.of(Response.Status.CONFLICT, e.getMessage()).toResponse();
    }
}
