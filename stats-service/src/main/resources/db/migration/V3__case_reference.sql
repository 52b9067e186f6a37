-- The case's primary reference, for the ops room's list of overdue custody: shown only to an analyst
-- who may see cases anyway (the case-officer role), so that he can open the case. Cases stored before
-- this version have none until a rebuild or their next transition tells it.
alter table case_snapshot add column reference text;
