-- Evaluation of districts against their responsibilities (indicators as data; some computed from the platform's
-- own records, the rest scored by a reviewer with evidence) and accountability cases (追责) linked to their cause.
create table responsibility.indicators (
    code    text primary key,
    name    text not null,
    weight  int not null check (weight > 0),
    -- LIST_COMPLETION and CONTACT_CHECK are computed; MANUAL is scored by a reviewer (0–100)
    source  text not null check (source in ('LIST_COMPLETION', 'CONTACT_CHECK', 'MANUAL')),
    sort    int not null
);
insert into responsibility.indicators (code, name, weight, source, sort) values
 ('LISTS', '职责清单、工作清单事项按期完成率', 40, 'LIST_COMPLETION', 10),
 ('CONTACTS', '防汛等责任人联系方式年度核实率', 20, 'CONTACT_CHECK', 20),
 ('DRILLS', '应急演练与培训开展情况', 20, 'MANUAL', 30),
 ('REPORTING', '突发事件信息报送及时准确', 20, 'MANUAL', 40);

create table responsibility.manual_scores (
    year          int not null,
    subject_path  text not null,
    indicator     text not null references responsibility.indicators (code),
    score         int not null check (score between 0 and 100),
    evidence      text not null,
    reviewer      text not null,
    reviewed_at   timestamptz not null,
    primary key (year, subject_path, indicator)
);

create table responsibility.accountability_cases (
    id            uuid primary key,
    division_path text not null,
    subject       text not null,
    cause_kind    text not null check (cause_kind in ('INCIDENT', 'OVERDUE_ITEM', 'UNVERIFIED_CONTACT', 'OTHER')),
    cause_ref     text,
    cause_text    text not null,
    state         text not null check (state in ('OPEN', 'INVESTIGATING', 'DECIDED', 'CLOSED')),
    decision      text,
    opened_by     text not null,
    opened_at     timestamptz not null,
    updated_by    text,
    updated_at    timestamptz,
    version       int not null default 0
);
create index accountability_path on responsibility.accountability_cases (division_path text_pattern_ops);
