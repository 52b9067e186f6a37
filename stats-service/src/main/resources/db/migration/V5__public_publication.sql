-- The public figures, published once per closed period (a Kyiv day by default) and never computed
-- live: every public answer is read from here, so it stays the same until the next publication and
-- across restarts. One row per period; two instances publishing the same one insert it once.
create table public_publication (
    period_start date        primary key,
    period_end   date        not null,   -- the period's last day, inclusive
    published_at timestamptz not null,
    summary      text        not null    -- the public summary, byte for byte as served
);

-- The figures public series are cut from, frozen with the publication up to its period's end: per
-- local day, exact (rounding is applied when a series is served, per bucket). Only the latest
-- publication keeps its days.
create table public_contact_day (
    period_start date   not null references public_publication on delete cascade,
    day          date   not null,
    channel      text   not null,
    origin       text   not null,
    purpose      text   not null,
    contacts     bigint not null,
    primary key (period_start, day, channel, origin, purpose)
);

-- event is OPENED (the case was opened that day) or a state the case first entered that day.
create table public_case_day (
    period_start date   not null references public_publication on delete cascade,
    day          date   not null,
    event        text   not null,
    origin       text   not null,
    cases        bigint not null,
    primary key (period_start, day, event, origin)
);
