package org.hotline.audit;

import jakarta.interceptor.Interceptor;

/**
 * When the start-up checks that refuse an unsafe production configuration run: before every other
 * observer of {@code StartupEvent}, the scheduler's start (priority {@code PLATFORM_BEFORE}) among
 * them. A refused start then runs no scheduled job, reads no topic and logs its refusal once, even
 * on a machine so loaded that the other observers would outlast a job's first delay.
 */
public final class StartupRefusal {

    /** The {@code @Priority} of a refusing {@code StartupEvent} observer. */
    public static final int FIRST = Interceptor.Priority.PLATFORM_BEFORE - 1;

    private StartupRefusal() {
    }
}
