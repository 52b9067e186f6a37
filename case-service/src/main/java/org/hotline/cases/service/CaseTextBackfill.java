package org.hotline.cases.service;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

/**
 * Seals the officers' text written before it was sealed (V5 kept it aside in
 * {@code case_transition.reason_unsealed} and {@code care_record.note_unsealed}), then empties
 * those columns. Runs at start-up, before the HTTP port opens; on a database created at V5 or
 * later there is nothing to do. Text of a case whose caller was erased meanwhile is dropped.
 */
@ApplicationScoped
public class CaseTextBackfill {

    private static final Logger LOG = Logger.getLogger(CaseTextBackfill.class);
    private static final int BATCH = 200;

    private final EntityManager entities;
    private final CaseTexts texts;

    public CaseTextBackfill(EntityManager entities, CaseTexts texts) {
        this.entities = entities;
        this.texts = texts;
    }

    void onStart(@Observes StartupEvent started) {
        long sealed = sealAll();
        if (sealed > 0) {
            LOG.infof("Sealed %d officers' texts written before they were sealed", sealed);
        }
    }

    /** @return how many texts were sealed (or dropped, for an erased case) */
    public long sealAll() {
        return sealAll("case_transition", "reason", CaseTexts.Field.TRANSITION_REASON)
                + sealAll("care_record", "note", CaseTexts.Field.CARE_NOTE);
    }

    private long sealAll(String table, String column, CaseTexts.Field field) {
        long done = 0;
        int last;
        do {
            last = QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<Object[]> rows = entities.createNativeQuery("select id, case_id, case_version, " + column
                        + "_unsealed from " + table + " where " + column + "_unsealed is not null order by id limit "
                        + BATCH + " for update skip locked").getResultList();
                // Another instance starting at the same time may seal text of the same cases: their
                // rows locked in one order, so only one of them makes a case's key.
                UUID[] caseIds = rows.stream().map(row -> (UUID) row[1]).distinct().sorted().toArray(UUID[]::new);
                if (caseIds.length > 0) {
                    entities.createNativeQuery("select id from surrender_case where id = any(cast(:ids as uuid[]))"
                            + " order by id for update")
                            .setParameter("ids", Arrays.stream(caseIds).map(UUID::toString).toArray(String[]::new))
                            .getResultList();
                }
                for (Object[] row : rows) {
                    byte[] sealed = texts.seal((UUID) row[1], field, ((Number) row[2]).longValue(), (String) row[3]);
                    if (sealed == null) {
                        // The case's text was erased: the words go without being sealed.
                        entities.createNativeQuery("update " + table + " set " + column + "_unsealed = null where id = :id")
                                .setParameter("id", row[0])
                                .executeUpdate();
                    } else {
                        entities.createNativeQuery("update " + table + " set " + column + "_sealed = :sealed, "
                                + column + "_unsealed = null where id = :id")
                                .setParameter("sealed", sealed)
                                .setParameter("id", row[0])
                                .executeUpdate();
                    }
                }
                return rows.size();
            });
            done += last;
        } while (last == BATCH);
        return done;
    }
}
