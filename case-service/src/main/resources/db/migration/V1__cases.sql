-- A surrender case. No personal data: a caller appears only as his pseudonymous caller key,
-- and a man captured without a call has none.
create table surrender_case (
    id              uuid        primary key,
    reference       text        not null unique,
    caller_key      text,
    origin          text        not null,
    state           text        not null,
    custody_mode    text,
    opened_at       timestamptz not null,
    contact_count   integer     not null,
    last_contact_at timestamptz not null,
    version         bigint      not null,
    updated_at      timestamptz not null
);

-- One open case per caller, even when two of his requests are processed at the same moment
-- (a rebalance, a second instance): the loser of the race fails here and relinks.
create unique index surrender_case_one_open_per_caller on surrender_case (caller_key)
    where caller_key is not null
      and state in ('REQUESTED', 'VERIFIED', 'SURRENDER_ARRANGED', 'IN_CUSTODY');

create index surrender_case_state_opened on surrender_case (state, opened_at desc);
create index surrender_case_opened on surrender_case (opened_at desc);

-- Every reference a caller was given for a case: the primary one and the aliases of his later
-- requests, so whichever he names resolves to his case.
create table case_reference (
    reference text        primary key,
    case_id   uuid        not null references surrender_case (id),
    issued_at timestamptz not null
);

create index case_reference_case on case_reference (case_id);

-- Contact events already applied: a redelivered event changes nothing twice.
create table processed_event (
    event_id     uuid        primary key,
    processed_at timestamptz not null
);
