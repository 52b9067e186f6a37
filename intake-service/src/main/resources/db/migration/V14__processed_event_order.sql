-- The order in which events were applied, so that the exactly-once record keeps only the newest
-- ids (inbox's ProcessedEventRetention deletes those more than hotline.inbox.processed-events.keep
-- applied events old, but those of dead letters) instead of growing with the history.
alter table processed_event add column seq bigserial;
create index processed_event_seq on processed_event (seq);
