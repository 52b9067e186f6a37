package org.hotline.inbox;

import java.util.List;

import org.hotline.events.CallerErased;

/**
 * What a service destroys when a caller is erased: the one piece of the erasure ledger a service
 * writes. {@link ErasureLedger} follows the ledger only in a service that has a bean of this type.
 *
 * <p>{@link #apply} runs inside the transaction that also records how far the ledger was read, so
 * a batch's effect and its position commit together. It must be idempotent: the same erasure
 * comes again after a restore from an older backup, on a re-read from the start, or when two
 * instances catch up at once, and destroying what is already destroyed must change nothing.
 */
public interface ErasureApplier {

    /** Destroys, in the current transaction, whatever this service holds about each erased caller. */
    void apply(List<CallerErased> erasures);
}
