package org.hotline.cases.service;

import java.time.Instant;

/** A move dated before the case's last change of state: a case's history runs forward. */
public class MoveBeforeLastChange extends RuntimeException {

    private final Instant lastChange;

    public MoveBeforeLastChange(Instant lastChange) {
        super("A case's history runs forward.", null, false, false);
        this.lastChange = lastChange;
    }

    public Instant lastChange() {
        return lastChange;
    }
}
