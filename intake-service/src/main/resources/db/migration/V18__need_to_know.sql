-- Need to know, as case-service rules it: a case officer reads a contact's personal data only when
-- the contact is linked to a case assigned to him or his team; a supervisor reads any, with a
-- reason. Learnt from hotline.cases.v1 like known_case: ids, case versions, officers' token
-- subjects and team names. Nothing about a caller.

-- Who works each case: the newest CaseAssigned.v1 (case_version decides, in any order of arrival).
create table case_assignee (
    case_id      uuid   primary key,
    case_version bigint not null,
    officer      text,
    team         text
);

-- Which contacts belong to which case: those a CaseAssigned.v1 lists (every contact linked when it
-- was assigned, the opening request included) and those linked later (CaseContactLinked.v1,
-- CaseInquiryLinked.v1). A contact in no row is on no case: an information call, an open inquiry.
create table case_contact (
    contact_id uuid not null,
    case_id    uuid not null,
    primary key (contact_id, case_id)
);

create index case_contact_case on case_contact (case_id);
