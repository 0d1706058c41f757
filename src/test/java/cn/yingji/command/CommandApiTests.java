package cn.yingji.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yingji.incident.CasualtyUpdate;
import cn.yingji.incident.Incident;
import cn.yingji.incident.IncidentManagement;
import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Plans, responses, headquarters and tasks through the API, as the demo city's officers. */
@YingjiTest
class CommandApiTests {

    private final MockMvc mvc;
    private final TestUsers users;
    private final CommandFixtures fixtures;
    private final JdbcClient jdbc;
    private final CommandManagement management;
    private final IncidentManagement incidents;
    private final ObjectMapper json = new ObjectMapper();

    CommandApiTests(
            MockMvc mvc,
            TestUsers users,
            CommandFixtures fixtures,
            JdbcClient jdbc,
            CommandManagement management,
            IncidentManagement incidents) {
        this.mvc = mvc;
        this.users = users;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.management = management;
        this.incidents = incidents;
    }

    private ResultActions call(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder req, String user, String body)
            throws Exception {
        return mvc.perform(req.with(users.as(user))
                .with(SecurityMockMvcRequestPostProcessors.csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "zh-CN")
                .content(body));
    }

    private JsonNode body(ResultActions r) throws Exception {
        return json.readTree(r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private long count(String sql, Object id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    @Test
    void theCityHazchemPlanIsProposedFirstWithItsReasonsAndSuggestsLevelThreeForALargerAccident() throws Exception {
        Incident i = fixtures.hazchem(CommandFixtures.YAOHAI, "匹配测试", 3);
        JsonNode matches = body(call(get("/api/v1/incidents/" + i.id() + "/plan-matches"), "duty", "")
                .andExpect(status().isOk()));
        assertThat(matches.size()).isGreaterThanOrEqualTo(3);
        JsonNode first = matches.get(0);
        assertThat(first.get("plan").get("code").asString()).isEqualTo("HF-SP-WHP");
        assertThat(first.get("suggestedLevel").asString()).isEqualTo("III");
        List<String> keys = first.get("reasons")
                .valueStream()
                .map(r -> r.get("key").asString())
                .toList();
        assertThat(keys).contains("command.match.type", "command.match.lead", "command.match.level");
        List<String> codes = matches.valueStream()
                .map(m -> m.get("plan").get("code").asString())
                .toList();
        // the district plan and the general plan apply too; the flood plan does not
        assertThat(codes).contains("YH-SP-SCAQ", "HF-GEN").doesNotContain("HF-SP-FX");
        // the page shows the reasons in words
        String page = mvc.perform(get("/incidents/" + i.id() + "/command").with(users.as("commander")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("合肥市危险化学品事故应急预案", "达到Ⅲ级响应的启动条件");
    }

    @Test
    void onlyAnAuthorisedCommanderActivatesAndActivationCreatesTheChecklistTasks() throws Exception {
        Incident i = fixtures.hazchem(CommandFixtures.YAOHAI, "启动测试", 3);
        UUID plan = jdbc.sql("select id from command.plans where code = 'HF-SP-WHP'")
                .query(UUID.class)
                .single();
        String activate = "{\"planId\":\"" + plan + "\",\"level\":\"III\",\"reason\":\"较大危化品事故\"}";
        for (String user : List.of("duty", "district.yaohai")) {
            JsonNode problem = body(call(post("/api/v1/incidents/" + i.id() + "/response"), user, activate)
                    .andExpect(status().isForbidden()));
            assertThat(problem.get("detail").asString()).contains("指挥长");
        }
        assertThat(count("select count(*) from command.responses where incident_id = :id", i.id().value()))
                .isZero();
        // a level the plan's checklist does not… the reason is required
        call(
                        post("/api/v1/incidents/" + i.id() + "/response"),
                        "commander",
                        "{\"planId\":\"" + plan + "\",\"level\":\"III\",\"reason\":\" \"}")
                .andExpect(status().isBadRequest());

        JsonNode r = body(call(post("/api/v1/incidents/" + i.id() + "/response"), "commander", activate)
                .andExpect(status().isCreated()));
        assertThat(r.get("level").asString()).isEqualTo("III");
        assertThat(count("select count(*) from command.tasks where incident_id = :id", i.id().value()))
                .isEqualTo(6);
        assertThat(count(
                        "select count(*) from command.tasks where incident_id = :id and assignee_user = 'rescue.leader'",
                        i.id().value()))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from incident.timeline where incident_id = :id and kind = 'command.ACTIVATED'",
                        i.id().value()))
                .isEqualTo(1);
        // a second activation is refused
        call(post("/api/v1/incidents/" + i.id() + "/response"), "commander", activate)
                .andExpect(status().isConflict());

        // raising to II adds the level II checklist; lowering back adds nothing; ending closes it
        call(
                        put("/api/v1/incidents/" + i.id() + "/response/level"),
                        "commander",
                        "{\"level\":\"II\",\"reason\":\"事态扩大\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.level").value("II"));
        assertThat(count("select count(*) from command.tasks where incident_id = :id", i.id().value()))
                .isEqualTo(12);
        call(
                        put("/api/v1/incidents/" + i.id() + "/response/level"),
                        "commander",
                        "{\"level\":\"III\",\"reason\":\"得到控制\"}")
                .andExpect(status().isOk());
        assertThat(count("select count(*) from command.tasks where incident_id = :id", i.id().value()))
                .isEqualTo(12);
        call(
                        put("/api/v1/incidents/" + i.id() + "/response/level"),
                        "commander",
                        "{\"level\":\"III\",\"reason\":\"重复\"}")
                .andExpect(status().isConflict());
        JsonNode ended =
                body(call(post("/api/v1/incidents/" + i.id() + "/response/end"), "commander", "{\"reason\":\"处置完毕\"}")
                        .andExpect(status().isOk()));
        assertThat(ended.get("active").asBoolean()).isFalse();
        assertThat(ended.get("changes").valueStream().map(c -> c.get("action").asString()))
                .containsExactly("ACTIVATE", "RAISE", "LOWER", "END");
    }

    @Test
    void aPlanThatDoesNotApplyCannotBeActivated() throws Exception {
        Incident i = fixtures.hazchem(CommandFixtures.YAOHAI, "不适用预案", 3);
        UUID flood = jdbc.sql("select id from command.plans where code = 'HF-SP-FX'")
                .query(UUID.class)
                .single();
        call(
                        post("/api/v1/incidents/" + i.id() + "/response"),
                        "commander",
                        "{\"planId\":\"" + flood + "\",\"level\":\"III\",\"reason\":\"测试\"}")
                .andExpect(status().isBadRequest());
        assertThat(count("select count(*) from command.responses where incident_id = :id", i.id().value()))
                .isZero();
    }

    private JsonNode assign(Incident i, String user, String assigneeUser, Instant due) throws Exception {
        String body = "{\"title\":\"转移群众\",\"assigneeKind\":\"USER\",\"assigneeName\":\"蓝天救援队\","
                + (assigneeUser == null ? "" : "\"assigneeUser\":\"" + assigneeUser + "\",")
                + "\"dueAt\":\"" + due + "\"}";
        return body(
                call(post("/api/v1/incidents/" + i.id() + "/tasks"), user, body).andExpect(status().isCreated()));
    }

    @Test
    void aTaskIsReceivedAndReportedDoneByItsAssigneeAndConfirmedBySomeoneElse() throws Exception {
        Incident i = fixtures.hazchem(CommandFixtures.YAOHAI, "任务测试", 1);
        JsonNode task = assign(i, "duty", "rescue.leader", Instant.now().plusSeconds(3600));
        String id = task.get("id").asString();
        // someone else may not receive it
        call(post("/api/v1/tasks/" + id + "/receipt"), "dept.water", "").andExpect(status().isForbidden());
        // progress before receipt is refused
        call(post("/api/v1/tasks/" + id + "/progress"), "rescue.leader", "{\"text\":\"出发\"}")
                .andExpect(status().isConflict());
        call(post("/api/v1/tasks/" + id + "/receipt"), "rescue.leader", "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("RECEIVED"));
        call(
                        post("/api/v1/tasks/" + id + "/progress"),
                        "rescue.leader",
                        "{\"text\":\"已到达现场\",\"lon\":117.32,\"lat\":31.87}")
                .andExpect(status().isOk());
        // a location outside China is refused
        call(
                        post("/api/v1/tasks/" + id + "/progress"),
                        "rescue.leader",
                        "{\"text\":\"坐标错误\",\"lon\":12.5,\"lat\":41.9}")
                .andExpect(status().isBadRequest());
        call(post("/api/v1/tasks/" + id + "/done"), "rescue.leader", "{\"text\":\"转移完成 120 人\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("DONE_REPORTED"));
        // the assignee cannot confirm their own work
        JsonNode problem = body(call(post("/api/v1/tasks/" + id + "/confirmation"), "rescue.leader", "{}")
                .andExpect(status().isForbidden()));
        assertThat(problem.get("detail").asString()).contains("不能自己确认");
        assertThat(jdbc.sql("select state from command.tasks where id = :id")
                        .param("id", UUID.fromString(id))
                        .query(String.class)
                        .single())
                .isEqualTo("DONE_REPORTED");
        call(post("/api/v1/tasks/" + id + "/confirmation"), "duty", "{\"text\":\"核实无误\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("COMPLETED"))
                .andExpect(jsonPath("$.confirmedBy").value("duty"));
        JsonNode updates =
                body(call(get("/api/v1/tasks/" + id + "/updates"), "duty", "").andExpect(status().isOk()));
        assertThat(updates.valueStream().map(u -> u.get("kind").asString()))
                .containsExactly("ISSUED", "RECEIVED", "PROGRESS", "DONE", "CONFIRMED");
    }

    @Test
    void badTaskInputIsRefusedAndChangesNothing() throws Exception {
        Incident i = fixtures.hazchem(CommandFixtures.YAOHAI, "任务校验", 1);
        call(
                        post("/api/v1/incidents/" + i.id() + "/tasks"),
                        "duty",
                        "{\"title\":\"过去时限\",\"assigneeKind\":\"DEPARTMENT\",\"assigneeName\":\"市消防救援支队\","
                                + "\"dueAt\":\"" + Instant.now().minusSeconds(60) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dueAt"));
        call(
                        post("/api/v1/incidents/" + i.id() + "/tasks"),
                        "duty",
                        "{\"title\":\"未知账号\",\"assigneeKind\":\"USER\",\"assigneeUser\":\"nobody.here\","
                                + "\"dueAt\":\"" + Instant.now().plusSeconds(600) + "\"}")
                .andExpect(status().isBadRequest());
        call(
                        post("/api/v1/incidents/" + i.id() + "/tasks"),
                        "duty",
                        "{\"title\":\"未知类型\",\"assigneeKind\":\"ROBOT\",\"assigneeName\":\"x\"," + "\"dueAt\":\""
                                + Instant.now().plusSeconds(600) + "\"}")
                .andExpect(status().isBadRequest());
        // department officers may receive tasks but not give them
        call(
                        post("/api/v1/incidents/" + i.id() + "/tasks"),
                        "dept.water",
                        "{\"title\":\"越权\",\"assigneeKind\":\"DEPARTMENT\",\"assigneeName\":\"x\"," + "\"dueAt\":\""
                                + Instant.now().plusSeconds(600) + "\"}")
                .andExpect(status().isForbidden());
        assertThat(count("select count(*) from command.tasks where incident_id = :id", i.id().value()))
                .isZero();
        // a non-image photo is refused, nothing recorded
        JsonNode task = assign(i, "duty", "rescue.leader", Instant.now().plusSeconds(3600));
        String id = task.get("id").asString();
        call(post("/api/v1/tasks/" + id + "/receipt"), "rescue.leader", "").andExpect(status().isOk());
        long before = count("select count(*) from command.task_updates where task_id = :id", UUID.fromString(id));
        mvc.perform(multipart("/tasks/" + id + "/feedback")
                        .file(new MockMultipartFile("photo", "x.jpg", "image/jpeg", "not an image".getBytes()))
                        .param("text", "照片")
                        .with(users.as("rescue.leader"))
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(count("select count(*) from command.task_updates where task_id = :id", UUID.fromString(id)))
                .isEqualTo(before);
        // a real PNG is kept and served back
        byte[] png = java.util.Base64.getDecoder()
                .decode(
                        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        mvc.perform(multipart("/tasks/" + id + "/feedback")
                        .file(new MockMultipartFile("photo", "scene.png", "image/png", png))
                        .param("text", "现场照片")
                        .param("lon", "117.3")
                        .param("lat", "31.8")
                        .with(users.as("rescue.leader"))
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        UUID update = jdbc.sql("select id from command.task_updates where task_id = :id and photo is not null")
                .param("id", UUID.fromString(id))
                .query(UUID.class)
                .single();
        mvc.perform(get("/api/v1/tasks/" + id + "/updates/" + update + "/photo").with(users.as("duty")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentType("image/png"));
    }

    @Test
    void overdueTasksEscalateOnceToTheirAssigner() throws Exception {
        Incident i = fixtures.hazchem(CommandFixtures.YAOHAI, "超时测试", 1);
        JsonNode task = assign(i, "duty.yaohai", null, Instant.now().plusSeconds(60));
        UUID id = UUID.fromString(task.get("id").asString());
        SecurityContextHolder.clearContext();
        Instant later = Instant.now().plus(Duration.ofMinutes(5));
        assertThat(management.escalateOverdue(later)).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select escalated_at is not null from command.tasks where id = :id")
                        .param("id", id)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        management.escalateOverdue(later.plusSeconds(60));
        assertThat(count("select count(*) from command.task_updates where task_id = :id and kind = 'ESCALATED'", id))
                .isEqualTo(1);
        JsonNode mine =
                body(call(get("/api/v1/tasks?mine=true"), "duty.yaohai", "").andExpect(status().isOk()));
        assertThat(mine.valueStream().map(t -> t.get("id").asString())).contains(id.toString());
    }

    @Test
    void theHeadquartersFollowsTheGradeAndValidatesItsMembers() throws Exception {
        Incident i = fixtures.hazchem(CommandFixtures.YAOHAI, "指挥部测试", 3);
        JsonNode hq = body(call(
                        put("/api/v1/incidents/" + i.id() + "/headquarters"),
                        "duty",
                        "{\"postAddress\":\"厂区东门\",\"postLon\":117.32,\"postLat\":31.87,"
                                + "\"onSceneCommander\":\"李队长\",\"onSceneTeam\":\"市消防救援支队特勤站\"}")
                .andExpect(status().isOk()));
        assertThat(hq.get("leadLevel").asString()).isEqualTo("CITY");
        call(
                        post("/api/v1/incidents/" + i.id() + "/headquarters/members"),
                        "duty",
                        "{\"role\":\"COMMANDER\",\"personName\":\"王局长\",\"organisation\":\"市应急管理局\"}")
                .andExpect(status().isCreated());
        call(
                        post("/api/v1/incidents/" + i.id() + "/headquarters/members"),
                        "duty",
                        "{\"role\":\"COMMANDER\",\"personName\":\"第二位\"}")
                .andExpect(status().isConflict());
        call(
                        post("/api/v1/incidents/" + i.id() + "/headquarters/members"),
                        "duty",
                        "{\"role\":\"GROUP_LEAD\",\"personName\":\"无组\"}")
                .andExpect(status().isBadRequest());
        call(
                        post("/api/v1/incidents/" + i.id() + "/headquarters/members"),
                        "duty",
                        "{\"role\":\"GROUP_LEAD\",\"group\":\"MEDICAL\",\"personName\":\"赵主任\"}")
                .andExpect(status().isCreated());
        // ten deaths make it a 重大 accident: the province leads now
        SecurityContextHolder.clearContext();
        incidents.updateCasualties(
                i.id(),
                new CasualtyUpdate(
                        new cn.yingji.incident.Casualties(10, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO),
                        "续报",
                        null));
        JsonNode after = body(call(get("/api/v1/incidents/" + i.id() + "/headquarters"), "duty", "")
                .andExpect(status().isOk()));
        assertThat(after.get("leadLevel").asString()).isEqualTo("PROVINCE");
        assertThat(after.get("members").size()).isEqualTo(2);
    }

    @Test
    void aDistrictOfficerSeesNothingOfAnotherDistrictsCommand() throws Exception {
        Incident foreign = fixtures.hazchem(CommandFixtures.LUYANG, "庐阳指挥", 1);
        JsonNode task = assign(foreign, "duty", null, Instant.now().plusSeconds(600));
        String id = task.get("id").asString();
        call(get("/api/v1/incidents/" + foreign.id() + "/tasks"), "district.yaohai", "")
                .andExpect(status().isNotFound());
        call(get("/api/v1/tasks/" + id), "district.yaohai", "").andExpect(status().isNotFound());
        call(post("/api/v1/tasks/" + id + "/receipt"), "district.yaohai", "").andExpect(status().isNotFound());
        call(get("/api/v1/incidents/" + foreign.id() + "/plan-matches"), "district.yaohai", "")
                .andExpect(status().isNotFound());
        String list = call(get("/api/v1/tasks"), "district.yaohai", "")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).doesNotContain(id);
        String city = call(get("/api/v1/tasks"), "duty", "")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(city).contains(id);
        // the district plan of 瑶海 is not visible in 庐阳's lists, the city's plans are visible everywhere
        String plans = call(get("/api/v1/plans"), "district.yaohai", "")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(plans).contains("HF-SP-WHP", "YH-SP-SCAQ").doesNotContain("庐阳区矩阵测试预案");
    }

    @Test
    void plansAreValidatedAndVersioned() throws Exception {
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8);
        String bad = "{\"code\":\"" + code + "\",\"name\":\"坏预案\",\"kind\":\"SPECIAL\",\"eventTypes\":[\"NO_SUCH\"],"
                + "\"divisionCode\":\"340100000000\",\"issuer\":\"测试\",\"levels\":[{\"level\":\"III\",\"triggerText\":\"x\"}],"
                + "\"actions\":[{\"level\":\"II\",\"seq\":1,\"action\":\"a\",\"responsibleKind\":\"DEPARTMENT\","
                + "\"responsible\":\"b\",\"dueMinutes\":0}]}";
        JsonNode problem = body(call(post("/api/v1/plans"), "admin", bad).andExpect(status().isBadRequest()));
        assertThat(problem.get("errors").size()).isGreaterThanOrEqualTo(3);
        String good = bad.replace("NO_SUCH", "FIRE")
                .replace("\"II\"", "\"III\"")
                .replace("\"dueMinutes\":0", "\"dueMinutes\":30");
        JsonNode plan = body(call(post("/api/v1/plans"), "admin", good).andExpect(status().isCreated()));
        String id = plan.get("id").asString();
        assertThat(plan.get("actions").size()).isEqualTo(1);
        call(post("/api/v1/plans"), "admin", good).andExpect(status().isConflict());
        // the township officer may not register city plans
        call(post("/api/v1/plans"), "township.mingguang", good.replace(code, code + "x"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/plans/" + id)
                        .with(users.as("admin"))
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .header("If-Match", "0")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(good.replace("坏预案", "好预案")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("好预案"))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(put("/api/v1/plans/" + id)
                        .with(users.as("admin"))
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .header("If-Match", "0")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(good))
                .andExpect(status().isConflict());
    }
}
