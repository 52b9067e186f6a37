-- Who read the personal data: the subject of his verified token. Reads before tokens existed
-- named nobody the system could check, and say so.
-- (V10 rather than V3: leaves room for migrations other branches add meanwhile.)
alter table personal_data_access add column actor text not null default 'unrecorded (before tokens)';
alter table personal_data_access alter column actor drop default;
