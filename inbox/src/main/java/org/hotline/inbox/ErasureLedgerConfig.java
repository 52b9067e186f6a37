package org.hotline.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a service follows the erasure ledger ({@link ErasureLedger}). */
@ConfigMapping(prefix = "hotline.erasure-ledger")
public interface ErasureLedgerConfig {

    /**
     * How often the ledger is read from the stored positions to its end. Erasures are applied this
     * long after intake published them at worst; the start-up catch-up covers a restore.
     */
    @WithDefault("30s")
    Duration catchUpEvery();

    /**
     * How long the start-up catch-up waits before it tries again when Kafka or the database cannot
     * be reached: the service does not start (and answers nothing) until it has caught up.
     */
    @WithDefault("2s")
    Duration retryEvery();

    /**
     * How long one request to Kafka may take (partitions, end offsets), and how long a read may go
     * without progress, before the catch-up fails and is tried again.
     */
    @WithDefault("10s")
    Duration kafkaTimeout();

    /** How many ledger records one poll (and so one transaction) takes at most. */
    @WithDefault("500")
    int batchSize();
}
