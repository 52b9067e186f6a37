package org.hotline.audit;

import java.time.Clock;
import java.util.Set;

import org.hotline.clock.TokenBuckets;

import org.hotline.problem.Actor;
import org.jboss.logging.Logger;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.net.SocketAddress;
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
 *
 * <p>Refusals are cheap to send, so recording each would let a client fill the log (and the
 * database) at will: each source address may have {@code hotline.audit.refusals.burst} recorded
 * at once and one more every {@code refill-every}; the ones past that are counted and written as
 * one summary row a minute ({@link SuppressedRefusals}). {@link RefusalLogPruning} deletes the
 * refusal rows past their retention.
 */
@ApplicationScoped
public class RefusalAudit {

    static final Set<Integer> REFUSED = Set.of(401, 403, 429);
    static final String ACTION = "http.refused";

    private static final Logger LOG = Logger.getLogger(RefusalAudit.class);
    /** Ahead of every route and of the security handlers, so that no response escapes it. */
    private static final int FIRST = 10_000;

    private final AuditLog auditLog;
    private final SuppressedRefusals suppressed;
    private final TokenBuckets perSource;

    public RefusalAudit(AuditLog auditLog, SuppressedRefusals suppressed, RefusalAuditConfig config, Clock clock) {
        this.auditLog = auditLog;
        this.suppressed = suppressed;
        this.perSource = new TokenBuckets(clock, config.burst(), config.refillEvery(), config.maxSources());
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
            String source = sourceOf(context);
            if (perSource.take(source).isPresent()) {
                // Past this source's rate: counted, and written with the next summary row.
                suppressed.count(status, source);
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

    /**
     * The client's address: the peer's, or the one a trusted proxy forwarded where the service is
     * configured to believe it ({@code quarkus.http.proxy.*}), which Vert.x has put in its place.
     */
    private static String sourceOf(RoutingContext context) {
        SocketAddress peer = context.request().remoteAddress();
        return peer == null ? "unknown" : peer.hostAddress() == null ? peer.host() : peer.hostAddress();
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
