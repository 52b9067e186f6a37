-- Personal data at rest is sealed: AES-256-GCM under a data key of the caller's own, which is
-- stored only wrapped by the master key (which never touches the database). Erasing a caller
-- destroys his wrapped key, and with it every copy of his data, backups included.
create table caller_data_key (
    id                 uuid        primary key,
    caller_key         text        not null,
    -- The data key, AES-256-GCM-wrapped by the master key; null once erased.
    wrapped_key        bytea,
    master_key_version integer     not null,
    created_at         timestamptz not null,
    erased_at          timestamptz
);

-- One live key per caller; an erased caller who calls again gets a new one.
create unique index caller_data_key_live on caller_data_key (caller_key) where erased_at is null;

-- The identifier and every personal detail, sealed together; the clear columns stay empty.
alter table contact add column sealed_personal_data bytea;
alter table contact alter column caller_identifier drop not null;
