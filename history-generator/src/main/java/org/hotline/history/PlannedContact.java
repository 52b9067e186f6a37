package org.hotline.history;

import java.time.Instant;

import org.hotline.events.CallerRole;
import org.hotline.events.Channel;
import org.hotline.events.Origin;
import org.hotline.events.Purpose;

/**
 * One contact of the synthetic history, as an operator would have typed it.
 *
 * @param surrender for a surrender request its own number among all requests; for a follow-up or
 *                  an inquiry the number of the earlier request whose reference it names; else -1
 */
record PlannedContact(Purpose purpose, Channel channel, Origin origin, CallerRole role, String identifier,
        Instant receivedAt, int surrender) {

    boolean namesACase() {
        return purpose != Purpose.SURRENDER_REQUEST && surrender >= 0;
    }
}
