-- What intake learns from hotline.cases.v1 to erase personal data a while after a case closes.
-- Only ids, caller keys and times: nothing personal crosses from case-service.

-- Each case's state as far as retention cares: open (final_at null) or final since final_at.
create table known_case (
    case_id      uuid        primary key,
    case_version bigint      not null,
    final_at     timestamptz
);

-- Every caller a case concerns: the serviceman who opened it and the relatives whose contacts
-- were linked to it. Their data goes when all their cases are final and the retention passed.
create table case_caller (
    case_id    uuid not null,
    caller_key text not null,
    primary key (case_id, caller_key)
);

create index case_caller_caller_key on case_caller (caller_key);

-- The ids of case events already applied, recorded in the effect's transaction, so that a
-- redelivered event changes nothing twice.
create table processed_event (
    event_id     uuid        primary key,
    processed_at timestamptz not null
);
