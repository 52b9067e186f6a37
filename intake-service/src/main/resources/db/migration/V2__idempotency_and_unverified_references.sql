-- Set when case-service could not be asked about the reference a contact names.
alter table contact add column reference_unverified boolean not null default false;

-- The answer given to each Idempotency-Key, so a retried request gets it again instead of a
-- second contact. The primary key is what makes two concurrent retries create one contact.
create table idempotency_key (
    key           text        primary key,
    request_hash  text        not null,
    status        integer     not null,
    response_body text        not null,
    location      text,
    created_at    timestamptz not null
);

create index idempotency_key_created_at on idempotency_key (created_at);
