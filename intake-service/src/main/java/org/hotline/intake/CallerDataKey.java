package org.hotline.intake;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A caller's own data key, stored only wrapped by the master key. Everything personal about him
 * is sealed with it; destroying it (erasure) makes all of that unreadable for good.
 */
@Entity
@Table(name = "caller_data_key")
public class CallerDataKey {

    @Id
    public UUID id;

    @Column(name = "caller_key", nullable = false)
    public String callerKey;

    /** Null once erased. */
    @Column(name = "wrapped_key")
    public byte[] wrappedKey;

    @Column(name = "master_key_version", nullable = false)
    public int masterKeyVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "erased_at")
    public Instant erasedAt;
}
