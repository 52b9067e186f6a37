-- A generation is one complete version of the stats store. Queries read the ACTIVE one; a rebuild
-- fills a BUILDING one by replaying the topics while the live consumers feed both, then switches.
create table stats_generation (
    generation   integer     primary key,
    status       text        not null check (status in ('ACTIVE', 'BUILDING', 'RETIRED', 'FAILED')),
    created_at   timestamptz not null,
    activated_at timestamptz
);
create unique index stats_generation_one_active on stats_generation ((true)) where status = 'ACTIVE';
insert into stats_generation (generation, status, created_at, activated_at) values (1, 'ACTIVE', now(), now());

-- Every stored fact belongs to one generation; what V1 stored is generation 1.
alter table processed_event add column generation integer not null default 1;
alter table processed_event drop constraint processed_event_pkey;
alter table processed_event add primary key (generation, event_id);
alter table processed_event alter column generation drop default;

alter table contact_count add column generation integer not null default 1;
alter table contact_count drop constraint contact_count_pkey;
alter table contact_count add primary key (generation, hour_start, channel, origin, purpose);
alter table contact_count alter column generation drop default;

alter table case_snapshot add column generation integer not null default 1;
alter table case_snapshot drop constraint case_snapshot_pkey;
alter table case_snapshot add primary key (generation, case_id);
alter table case_snapshot alter column generation drop default;

-- Contacts per UTC minute, for rolling windows exact to the minute (1 h, 24 h, 7 d, 30 d).
create table contact_minute (
    generation   integer     not null,
    minute_start timestamptz not null,
    contacts     bigint      not null,
    primary key (generation, minute_start)
);
-- V1 kept hours only: its contacts count in the first minute of their hour.
insert into contact_minute (generation, minute_start, contacts)
select 1, hour_start, sum(contacts) from contact_count group by hour_start;

-- The first time each case entered each state (by opening in it or by a transition). The earliest
-- time wins whatever order events arrive in, so replayed and incremental stores agree.
create table case_stage (
    generation integer     not null,
    case_id    uuid        not null,
    state      text        not null,
    first_at   timestamptz not null,
    primary key (generation, case_id, state)
);

-- The first care record of each kind per case, for the Geneva Convention deadlines.
create table case_care (
    generation integer     not null,
    case_id    uuid        not null,
    kind       text        not null,
    first_at   timestamptz not null,
    primary key (generation, case_id, kind)
);
