-- The case each Idempotency-Key of POST /api/v1/cases opened, so that a retried request gets the
-- same case instead of a second custody case. The primary key is what makes two concurrent
-- retries open one case.
create table case_idempotency_key (
    key            text        primary key,
    request_hash   text        not null,
    case_reference text        not null,
    created_at     timestamptz not null
);

create index case_idempotency_key_created_at on case_idempotency_key (created_at);
