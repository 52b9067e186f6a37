-- Each event is applied once: its id is recorded in the same transaction as its effect.
create table processed_event (
    event_id     uuid        primary key,
    processed_at timestamptz not null
);

-- Contacts counted per UTC hour of their own time. Europe/Kyiv (and every zone the ops room
-- could plausibly use) is a whole number of hours from UTC, so hours roll up exactly into
-- local days and months; the hour is also the granularity of the rolling windows.
create table contact_count (
    hour_start timestamptz not null,
    channel    text        not null,
    origin     text        not null,
    purpose    text        not null,
    contacts   bigint      not null,
    primary key (hour_start, channel, origin, purpose)
);

-- The latest known state of each case, for counts by state. No caller key: stats need none.
create table case_snapshot (
    case_id      uuid        primary key,
    state        text        not null,
    origin       text,
    custody_mode text,
    opened_at    timestamptz,
    case_version bigint      not null,
    updated_at   timestamptz not null
);
