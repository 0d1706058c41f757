-- Joint safety review of major projects (重大工程项目安全风险评估与论证, 部门联审联查): a project is submitted with its
-- risk assessment, routed to reviewing departments with a deadline each, every department gives one opinion, the
-- decision aggregates them (any reject rejects; any condition passes with conditions) and conditions are tracked
-- to closure.
create table risk.projects (
    id            uuid primary key,
    name          text not null,
    builder       text not null,
    category      text not null,
    lon           double precision not null,
    lat           double precision not null,
    division_path text not null,
    risk_summary  text not null,
    state         text not null check (state in ('SUBMITTED', 'IN_REVIEW', 'DECIDED', 'CLOSED')),
    decision      text check (decision in ('PASS', 'PASS_WITH_CONDITIONS', 'REJECT')),
    submitted_by  text not null,
    submitted_at  timestamptz not null,
    decided_at    timestamptz,
    version       int not null default 0
);
create index projects_path on risk.projects (division_path text_pattern_ops);

create table risk.project_reviews (
    project_id    uuid not null references risk.projects (id) on delete cascade,
    department    text not null,
    reviewer      text,
    due_on        date not null,
    opinion       text check (opinion in ('PASS', 'CONDITIONS', 'REJECT')),
    opinion_text  text,
    opinion_by    text,
    opinion_at    timestamptz,
    primary key (project_id, department)
);

create table risk.project_conditions (
    id          uuid primary key,
    project_id  uuid not null references risk.projects (id) on delete cascade,
    department  text not null,
    text        text not null,
    closed_by   text,
    closed_at   timestamptz,
    close_note  text
);
