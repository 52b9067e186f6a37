package org.hotline.stats;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One complete version of the stats store. Queries read the active generation; a rebuild fills a
 * building one from the topics and then makes it the active one.
 */
@Entity
@Table(name = "stats_generation")
public class StatsGeneration {

    public enum Status { ACTIVE, BUILDING, RETIRED, FAILED }

    @Id
    public int generation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "activated_at")
    public Instant activatedAt;
}
