-- The rotation job looks for live data keys still wrapped by another master key version than the
-- active one; the report counts them by version. Erased keys (wrapped_key null) need no re-wrap.
create index caller_data_key_live_version on caller_data_key (master_key_version) where erased_at is null;
