package org.hotline.stats.service;

/** No period has been published yet: the service has just been installed, or no period has closed. */
public class NothingPublished extends RuntimeException {

    public NothingPublished() {
        super("No public figures have been published yet.");
    }
}
