package org.hotline.cases.service;

/**
 * An officer's change was based on a version of the case that is no longer the latest: applying
 * it would silently overrule what another officer did in between.
 */
public class CaseChangedSinceRead extends RuntimeException {

    public CaseChangedSinceRead(String reference, long version, long seenVersion) {
        super("Case " + reference + " has changed since you read it: it is at version " + version + ", you sent "
                + seenVersion + ". Read it again and decide again.", null, false, false);
    }
}
