-- The blind index: the only link from a caller's identifier to his pseudonym (caller_key).
-- blind_index is a versioned HMAC of the identifier's normal spelling (BlindIndex); caller_key is
-- random (CallerPseudonyms), so nothing can recompute it from a phone number. An erasure deletes
-- the row: the same phone calling again is a new caller with a new pseudonym, and whoever holds
-- every secret, every store and the whole event log can no longer tell which pseudonym was his.
create table caller_index (
    blind_index text        primary key,
    caller_key  text        not null,
    created_at  timestamptz not null
);

create index caller_index_caller_key on caller_index (caller_key);
