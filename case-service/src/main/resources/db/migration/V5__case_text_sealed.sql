-- Officers' free text (a transition's reason, the custody reason of a case opened in custody, a
-- care note) may name people and places: it is sealed at rest with AES-256-GCM under a data key of
-- its case, and erased with the caller by destroying that key (CaseErasures, on CallerErased from
-- the erasure ledger). States, dates, counts and officers are not text and stay.
--
-- One data key per case, wrapped by case-service's master key (hotline.case-text.master-key, never
-- in the database), bound to its row's id. Erased: the wrapped key is gone and erased_at says when.
-- A case erased before it had any text gets an erased row too, so text given later is not kept.
create table case_text_key (
    id                 uuid        primary key,
    case_id            uuid        not null unique references surrender_case (id),
    wrapped_key        bytea,
    master_key_version integer,
    created_at         timestamptz not null,
    erased_at          timestamptz,
    constraint case_text_key_live_or_erased check (
        (wrapped_key is not null and master_key_version is not null and erased_at is null)
        or (wrapped_key is null and master_key_version is null and erased_at is not null))
);

-- The sealed texts: nonce and ciphertext, bound to their field, case and case version.
alter table case_transition add column reason_sealed bytea;
alter table care_record add column note_sealed bytea;

-- Text written before this migration cannot be sealed in SQL (the master key never enters the
-- database): it is kept aside in *_unsealed, which the service seals into *_sealed and empties at
-- its next start, before it answers any request (CaseTextBackfill). A later migration drops the
-- columns once every deployment has started on this version. A fresh database has none.
alter table case_transition rename column reason to reason_unsealed;
alter table care_record rename column note to note_unsealed;
