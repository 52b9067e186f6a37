package org.hotline.cases.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.hotline.cases.CaseTextKey;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CaseTextKeyRepository implements PanacheRepositoryBase<CaseTextKey, UUID> {

    public Optional<CaseTextKey> ofCase(UUID caseId) {
        return find("caseId", caseId).firstResultOptional();
    }

    /**
     * Destroys the text keys of every case of these callers, and marks erased the cases that have
     * none yet, so text given later is not kept either. A key erased before keeps its erasure time:
     * a second erasure changes nothing.
     *
     * @return how many cases were erased now
     */
    public int eraseCasesOf(Collection<String> callerKeys, Instant now) {
        return getEntityManager().createNativeQuery("""
                insert into case_text_key (id, case_id, wrapped_key, master_key_version, created_at, erased_at)
                select gen_random_uuid(), c.id, null, null, :now, :now
                from surrender_case c where c.caller_key = any(cast(:callers as text[]))
                on conflict (case_id) do update set wrapped_key = null, master_key_version = null,
                    erased_at = excluded.erased_at
                where case_text_key.erased_at is null""")
                .setParameter("callers", callerKeys.toArray(String[]::new))
                .setParameter("now", now)
                .executeUpdate();
    }

    /**
     * Empties the text written before it was sealed ({@code *_unsealed}, V5) of these callers'
     * cases: it has no key to destroy, so it goes itself.
     */
    public void forgetUnsealedTextOf(Collection<String> callerKeys) {
        String[] callers = callerKeys.toArray(String[]::new);
        getEntityManager().createNativeQuery("""
                update case_transition set reason_unsealed = null
                where reason_unsealed is not null
                  and case_id in (select id from surrender_case where caller_key = any(cast(:callers as text[])))""")
                .setParameter("callers", callers)
                .executeUpdate();
        getEntityManager().createNativeQuery("""
                update care_record set note_unsealed = null
                where note_unsealed is not null
                  and case_id in (select id from surrender_case where caller_key = any(cast(:callers as text[])))""")
                .setParameter("callers", callers)
                .executeUpdate();
    }
}
