package org.hotline.stats.repository;

import java.time.Instant;
import java.util.List;

import org.hotline.stats.StatsGeneration;
import org.hotline.stats.StatsGeneration.Status;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * The versions of the stats store: which one is read, and which ones events are applied to. The
 * two reads made for every batch and every query are plain SQL: Hibernate translates a query
 * with a list parameter anew on each run, which cost a fifth of stats-service's CPU under load.
 */
@ApplicationScoped
public class Generations {

    /** Every table holding facts of a generation; purged together when a generation is dropped. */
    private static final List<String> FACT_TABLES = List.of("processed_event", "contact_count", "contact_minute",
            "case_snapshot", "case_stage", "case_care");

    private final EntityManager em;

    public Generations(EntityManager em) {
        this.em = em;
    }

    /** The generation every query reads. */
    public int active() {
        return ((Number) em.createNativeQuery("select generation from stats_generation where status = 'ACTIVE'")
                .getSingleResult()).intValue();
    }

    /** The generations a new event must reach: the active one, and the one being rebuilt if any. */
    public List<Integer> live() {
        List<?> rows = em.createNativeQuery("select generation from stats_generation"
                + " where status in ('ACTIVE', 'BUILDING') order by generation").getResultList();
        return rows.stream().map(row -> ((Number) row).intValue()).toList();
    }

    /** Starts a new, empty generation that live events reach from now on. */
    public int startBuilding(Instant now) {
        Integer newest = em.createQuery("select max(g.generation) from StatsGeneration g", Integer.class)
                .getSingleResult();
        StatsGeneration building = new StatsGeneration();
        building.generation = newest + 1;
        building.status = Status.BUILDING;
        building.createdAt = now;
        em.persist(building);
        return building.generation;
    }

    /**
     * Makes the building generation the active one, in the caller's transaction: readers see the
     * old generation or the new one, never a mix. Returns the generation retired.
     */
    public int activate(int generation, Instant now) {
        StatsGeneration building = em.find(StatsGeneration.class, generation, LockModeType.PESSIMISTIC_WRITE);
        if (building == null || building.status != Status.BUILDING) {
            throw new IllegalStateException("generation " + generation + " is not being built");
        }
        StatsGeneration active = em.createQuery("select g from StatsGeneration g where g.status = :status",
                        StatsGeneration.class)
                .setParameter("status", Status.ACTIVE)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getSingleResult();
        active.status = Status.RETIRED;
        em.flush();   // the unique index allows one active generation at a time
        building.status = Status.ACTIVE;
        building.activatedAt = now;
        return active.generation;
    }

    /** Gives up every generation left building, e.g. by a rebuild cut short by a restart. */
    public List<Integer> failUnfinished() {
        List<StatsGeneration> unfinished = em.createQuery("select g from StatsGeneration g where g.status = :status",
                        StatsGeneration.class)
                .setParameter("status", Status.BUILDING)
                .getResultList();
        unfinished.forEach(g -> g.status = Status.FAILED);
        return unfinished.stream().map(g -> g.generation).toList();
    }

    public void fail(int generation) {
        StatsGeneration building = em.find(StatsGeneration.class, generation);
        if (building != null && building.status == Status.BUILDING) {
            building.status = Status.FAILED;
        }
    }

    /** Deletes what is left of every generation no longer read or built. */
    public void purgeDropped() {
        em.createQuery("select g.generation from StatsGeneration g where g.status in :statuses", Integer.class)
                .setParameter("statuses", List.of(Status.RETIRED, Status.FAILED))
                .getResultList()
                .forEach(this::purge);
    }

    /** Deletes the facts of a generation no longer read or built. */
    public void purge(int generation) {
        for (String table : FACT_TABLES) {
            em.createNativeQuery("delete from " + table + " where generation = :generation")
                    .setParameter("generation", generation)
                    .executeUpdate();
        }
    }
}
