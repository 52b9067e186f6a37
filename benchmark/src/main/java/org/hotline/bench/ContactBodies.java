package org.hotline.bench;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The contacts the load posts: each from a caller never seen before (so every surrender request
 * opens a case and no caller's history grows), with details of a realistic size. One in ten is a
 * surrender request, the rest are information calls: both kinds of work the pipeline does.
 */
final class ContactBodies {

    static final int SURRENDER_EVERY = 10;

    private final String run;
    private final AtomicLong next = new AtomicLong();

    /** {@code run} keeps callers unique across runs on the same database. */
    ContactBodies(String run) {
        this.run = run;
    }

    Body next() {
        long n = next.incrementAndGet();
        boolean surrender = n % SURRENDER_EVERY == 0;
        String json = "{\"channel\":\"PHONE\",\"purpose\":\"" + (surrender ? "SURRENDER_REQUEST" : "INFORMATION")
                + "\",\"origin\":\"RU\",\"caller\":{\"identifier\":\"@bench_" + run + "_" + n
                + "\",\"role\":\"SERVICEMAN\"},\"details\":{\"fullName\":\"Ivan Benchmarkov " + n
                + "\",\"birthDate\":\"1990-04-23\",\"unit\":\"3rd motor rifle battalion\",\"location\":\"Kherson oblast\","
                + "\"notes\":\"calls at night, asks about the procedure and the guarantees for his family\"}}";
        return new Body(json, surrender);
    }

    record Body(String json, boolean surrender) {
    }
}
