-- Township emergency-capability standardisation (基层应急能力标准化): a checklist kept as data, a yearly
-- self-assessment per township with evidence, review item by item by the district, and the score that follows.
create table grassroots.std_items (
    code              text primary key,
    category          text not null,
    text              text not null,
    max_score         int not null check (max_score > 0),
    evidence_required boolean not null default true,
    sort              int not null
);

insert into grassroots.std_items (code, category, text, max_score, evidence_required, sort) values
 ('LEAD-1', 'LEADERSHIP', '成立乡镇（街道）应急管理工作领导小组，明确主要负责人为第一责任人', 8, true, 10),
 ('LEAD-2', 'LEADERSHIP', '设立应急管理办公室（应急服务站），配备专职工作人员不少于 2 名', 8, true, 11),
 ('MECH-1', 'MECHANISM', '建立 24 小时值班值守和信息报告制度，落实领导带班', 8, true, 20),
 ('MECH-2', 'MECHANISM', '建立风险隐患排查和网格员巡查工作机制', 8, true, 21),
 ('PLAN-1', 'PLANS', '编制乡镇（街道）总体应急预案和防汛、森林防灭火等专项预案并按期修订', 10, true, 30),
 ('TEAM-1', 'TEAMS', '组建综合性应急救援队伍，人数不少于 20 人', 10, true, 40),
 ('STOCK-1', 'SUPPLIES', '设立应急物资储备点，物资台账清晰、定期检查', 8, true, 50),
 ('SHELTER-1', 'SUPPLIES', '确定应急避难场所并设置标识', 6, true, 51),
 ('DRILL-1', 'TRAINING', '每年至少组织一次综合应急演练和两次专项演练', 10, true, 60),
 ('TRAIN-1', 'TRAINING', '每年组织网格员、信息员应急知识培训', 6, true, 61),
 ('FLOOD-1', 'FLOOD', '落实防汛“叫应”机制，村（社区）防汛责任人全覆盖', 10, true, 70),
 ('FLOOD-2', 'FLOOD', '危险区域群众转移名单、转移路线和安置点明确', 8, true, 71);

create table grassroots.std_assessments (
    id            uuid primary key,
    township_path text not null,
    year          int not null,
    state         text not null check (state in ('DRAFT', 'SUBMITTED', 'REVIEWED')),
    submitted_by  text,
    submitted_at  timestamptz,
    reviewed_by   text,
    reviewed_at   timestamptz,
    version       int not null default 0,
    unique (township_path, year)
);
create index std_assessments_path on grassroots.std_assessments (township_path text_pattern_ops);

create table grassroots.std_answers (
    assessment_id uuid not null references grassroots.std_assessments (id) on delete cascade,
    item_code     text not null references grassroots.std_items (code),
    self_score    int not null check (self_score >= 0),
    note          text,
    evidence_name text,
    evidence_type text,
    evidence      bytea,
    review        text not null default 'PENDING' check (review in ('PENDING', 'ACCEPTED', 'REJECTED')),
    review_note   text,
    reviewed_by   text,
    primary key (assessment_id, item_code)
);
