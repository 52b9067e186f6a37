package org.hotline.cases;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A case's data key for its officers' free text, wrapped by case-service's master key. Erasing the
 * caller destroys it: the texts sealed under it can never be read again, from this database or any
 * copy of it taken afterwards.
 */
@Entity
@Table(name = "case_text_key")
public class CaseTextKey {

    /** Bound into the wrapped key, so a wrapped key copied onto another row does not open. */
    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false, unique = true)
    public UUID caseId;

    /** Null once erased. */
    @Column(name = "wrapped_key")
    public byte[] wrappedKey;

    /** Null once erased. */
    @Column(name = "master_key_version")
    public Integer masterKeyVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "erased_at")
    public Instant erasedAt;

    public boolean isErased() {
        return wrappedKey == null;
    }
}
