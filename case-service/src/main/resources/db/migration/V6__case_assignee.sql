-- Need to know: who works each case. A case officer reads a case's history, its free text and its
-- personal data only when the case is assigned to him (assigned_officer, his token's subject) or to
-- his team (assigned_team, his token's team claim); a supervisor reads any, with a reason. Null
-- both: unassigned, readable by supervisors alone. A supervisor or admin sets them
-- (PUT /api/v1/cases/{ref}/assignee); each assignment raises the case's version and publishes
-- CaseAssigned.v1, from which intake learns the same rule for GET /api/v1/contacts/{id}.
-- Officers' subjects and team names are staff, not callers: nothing personal about a caller here.
alter table surrender_case add column assigned_officer text;
alter table surrender_case add column assigned_team text;
alter table surrender_case add column assigned_at timestamptz;

alter table surrender_case add constraint surrender_case_assigned_when
    check ((assigned_officer is null and assigned_team is null) = (assigned_at is null));
