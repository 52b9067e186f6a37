package org.hotline.stats.service;

/**
 * A rebuild that must not start now; the message says why, in words an operator can act on. The
 * active generation stays as it is.
 */
public class RebuildRefused extends RuntimeException {

    public RebuildRefused(String why) {
        super(why, null, false, false);
    }
}
