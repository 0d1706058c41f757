-- The hidden-hazard module classifies by its own industry codes; map them too, so every hazard shows the
-- department that supervises its industry under 三管三必须.
insert into responsibility.supervision (id, industry, department, ground, note, updated_by, updated_at) values
 (gen_random_uuid(), 'HAZCHEM', '应急管理局', 'INDUSTRY', '危险化学品', 'system', now()),
 (gen_random_uuid(), 'INDUSTRY_TRADE', '应急管理局', 'INDUSTRY', '工贸行业', 'system', now()),
 (gen_random_uuid(), 'TRANSPORT', '交通运输局', 'INDUSTRY', '交通运输', 'system', now()),
 (gen_random_uuid(), 'NATURAL_DISASTER', '应急管理局', 'BUSINESS', '自然灾害防治综合协调', 'system', now())
on conflict (industry, department) do nothing;
