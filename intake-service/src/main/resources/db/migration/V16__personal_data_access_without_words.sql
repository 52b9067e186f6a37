-- The first audit trail of reads (no longer written) kept each reason's words, which may name
-- people: keep only their length, as the audit log does, and drop the words.
alter table personal_data_access add column reason_length integer;
update personal_data_access set reason_length = length(reason);
alter table personal_data_access drop column reason;
