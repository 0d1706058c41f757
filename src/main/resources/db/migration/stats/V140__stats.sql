-- Statistics (stats): own fact tables fed by other modules' events, daily rollups for dashboards, historical
-- figures imported from XLSX, natural-disaster loss reports and background exports. Drills are never stored.
create schema if not exists stats;

-- one row per (non-drill) event; category/type/grade/deaths follow the incident's events
create table stats.accident_fact (
    incident_id uuid primary key,
    category text not null,
    type_code text not null,
    production_safety boolean not null,
    grade text,
    division_path text not null,
    occurred_at timestamptz not null,
    deaths int not null default 0,
    missing int not null default 0,
    injured int not null default 0,
    direct_loss numeric(18, 2) not null default 0
);

-- pre-aggregated per day x division x type x grade; kept in step with accident_fact in the same transaction
create table stats.accident_rollup (
    day date not null,
    division_path text not null,
    category text not null,
    type_code text not null,
    production_safety boolean not null,
    grade text not null, -- '' when not graded
    events int not null,
    deaths int not null,
    primary key (day, division_path, type_code, grade, category, production_safety)
);
create index accident_rollup_path on stats.accident_rollup (division_path text_pattern_ops, day);

create table stats.hazard_fact (
    hazard_id uuid primary key,
    division_path text not null,
    industry text not null,
    grade text not null,
    state text not null,
    reported_at timestamptz not null,
    closed_at timestamptz,
    overdue_at timestamptz
);

create table stats.hazard_rollup (
    day date not null,
    division_path text not null,
    industry text not null,
    grade text not null,
    found int not null default 0,
    closed int not null default 0,
    overdue int not null default 0,
    primary key (day, division_path, industry, grade)
);
create index hazard_rollup_path on stats.hazard_rollup (division_path text_pattern_ops, day);

-- one row per warning and covered division
create table stats.warning_fact (
    warning_id uuid not null,
    division_path text not null,
    level text not null,
    event_type text not null,
    issued_at timestamptz not null,
    cancelled_at timestamptz,
    primary key (warning_id, division_path)
);
create index warning_fact_path on stats.warning_fact (division_path text_pattern_ops, issued_at);

create table stats.callout_fact (
    campaign_id uuid primary key,
    warning_id uuid,
    division_path text not null,
    persons int not null,
    reached int not null,
    answered int not null,
    on_post int not null,
    escalated int not null,
    failed int not null,
    started_at timestamptz not null,
    closed_at timestamptz not null
);
create index callout_fact_path on stats.callout_fact (division_path text_pattern_ops, closed_at);

-- figures of years before the platform, imported from XLSX (production-safety accidents)
create table stats.accident_history (
    year int not null,
    division_code text not null,
    division_path text not null,
    accidents int not null,
    deaths int not null,
    extraordinary int not null,
    imported_by text not null,
    imported_at timestamptz not null default now(),
    primary key (year, division_path)
);

-- 灾情报送: natural-disaster loss report per division and period
create table stats.disaster_loss (
    id uuid primary key,
    division_code text not null,
    division_path text not null,
    period_from date not null,
    period_to date not null,
    hazard_kind text not null,
    incident_id uuid,
    affected int not null,
    relocated int not null,
    houses_damaged int not null,
    houses_collapsed int not null,
    crop_area numeric(14, 2) not null,
    direct_loss numeric(18, 2) not null,
    note text,
    created_by text not null,
    created_at timestamptz not null default now(),
    version int not null default 0
);
create index disaster_loss_path on stats.disaster_loss (division_path text_pattern_ops, period_from);

-- background XLSX exports
create table stats.export_job (
    id uuid primary key,
    owner text not null,
    kind text not null,
    params text not null,
    status text not null,
    rows bigint not null default 0,
    file_path text,
    error text,
    created_at timestamptz not null default now(),
    finished_at timestamptz
);
create index export_job_owner on stats.export_job (owner, created_at desc);
