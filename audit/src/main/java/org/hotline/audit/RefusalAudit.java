package org.hotline.audit;

import java.util.Set;

import org.hotline.problem.Actor;
import org.jboss.logging.Logger;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Records every refused request (401, 403, 429) in the audit log, whoever refused it: the token
 * check, a missing role, or a throttle added later. It watches the HTTP layer itself, below the
 * REST resources, and reads the status as the response ends, so a new kind of refusal needs no
 * code here, only its status.
 *
 * <p>The subject is the method and path, never the query or the body: those may hold what the
 * client should not have sent.
 */
@ApplicationScoped
public class RefusalAudit {

    static final Set<Integer> REFUSED = Set.of(401, 403, 429);
    static final String ACTION = "http.refused";

    private static final Logger LOG = Logger.getLogger(RefusalAudit.class);
    /** Ahead of every route and of the security handlers, so that no response escapes it. */
    private static final int FIRST = 10_000;

    private final AuditLog auditLog;

    public RefusalAudit(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    void install(@Observes Filters filters) {
        filters.register(this::watch, FIRST);
    }

    private void watch(RoutingContext context) {
        context.addEndHandler(ended -> {
            int status = context.response().getStatusCode();
            if (!REFUSED.contains(status)) {
                return;
            }
            String actor = actorOf(context);
            String subject = context.request().method().name() + " " + context.request().path();
            // The end handler runs on the event loop; the insert blocks, so it runs on a worker.
            context.vertx().executeBlocking(() -> {
                auditLog.record(actor, ACTION, subject, null, "refused-" + status);
                return null;
            }, false).onFailure(e -> LOG.warnf("A refused request (%d) could not be audited: %s", status,
                    e.getClass().getSimpleName()));
        });
        context.next();
    }

    /** The token's subject when the token was valid (a 403 or 429), else anonymous. */
    private static String actorOf(RoutingContext context) {
        if (context.user() instanceof QuarkusHttpUser user && user.getSecurityIdentity() != null
                && !user.getSecurityIdentity().isAnonymous()) {
            return Actor.subjectOf(user.getSecurityIdentity());
        }
        return AuditLog.ANONYMOUS;
    }
}
