package cn.yingji.identity;

import static cn.yingji.identity.IdentityFixtures.DISTRICT_A;
import static cn.yingji.identity.IdentityFixtures.DISTRICT_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestConstructor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The hash chain detects a tampered entry; browsing is scoped to the viewer's jurisdiction. */
@YingjiTest
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class AuditChainTests {

    private final MockMvc mvc;
    private final UserManagement users;
    private final TestUsers testUsers;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    AuditChainTests(
            MockMvc mvc,
            UserManagement users,
            TestUsers testUsers,
            JdbcClient jdbc,
            JsonMapper json,
            AuditTrail audit,
            TransactionTemplate tx) {
        this.mvc = mvc;
        this.users = users;
        this.testUsers = testUsers;
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.tx = tx;
    }

    private JsonNode verify() throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/audit/verify").with(testUsers.as("idt-audit-admin")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private long record(String id, String path) {
        tx.executeWithoutResult(s -> audit.record(
                "update", "idt.thing", id, path, Map.of("v", 1, "name", "前"), Map.of("v", 2, "name", "后")));
        return jdbc.sql("select max(seq) from identity.audit_log")
                .query(Long.class)
                .single();
    }

    @Test
    void verificationFindsTheFirstTamperedEntry() throws Exception {
        IdentityFixtures.ensure(users, "idt-audit-admin", Role.ADMIN, "/");
        record("t-1", DISTRICT_A);
        long tampered = record("t-2", DISTRICT_A);
        record("t-3", null);

        JsonNode ok = verify();
        assertThat(ok.get("valid").asBoolean()).isTrue();
        assertThat(ok.get("checked").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(ok.get("firstBrokenSeq").isNull()).isTrue();

        String original = jdbc.sql("select after_json from identity.audit_log where seq = :s")
                .param("s", tampered)
                .query(String.class)
                .single();
        tamper(tampered, original.replace("后", "改"));
        try {
            JsonNode broken = verify();
            assertThat(broken.get("valid").asBoolean()).isFalse();
            assertThat(broken.get("firstBrokenSeq").asLong()).isEqualTo(tampered);
        } finally {
            tamper(tampered, original);
        }
        assertThat(verify().get("valid").asBoolean()).isTrue();
    }

    private void tamper(long seq, String afterJson) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("alter table identity.audit_log disable trigger audit_log_no_update")
                    .update();
            jdbc.sql("update identity.audit_log set after_json = :a where seq = :s")
                    .param("a", afterJson)
                    .param("s", seq)
                    .update();
            jdbc.sql("alter table identity.audit_log enable trigger audit_log_no_update")
                    .update();
        });
    }

    @Test
    void concurrentWritersNeverWaitForTheChainAndEveryEntryEndsUpChained() throws Exception {
        IdentityFixtures.ensure(users, "idt-audit-admin", Role.ADMIN, "/");
        long before = jdbc.sql("select coalesce(max(seq), 0) from identity.audit_log")
                .query(Long.class)
                .single();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        record("c-" + thread + "-" + i, DISTRICT_A);
                    }
                }));
            }
            for (var f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        JsonNode ok = verify();
        assertThat(ok.get("valid").asBoolean()).isTrue();
        // verification chained every committed entry: none of the 200 is left out, none twice. Only this test's
        // entries are counted: the application's scheduled jobs may write entries of their own at any moment.
        assertThat(jdbc.sql("""
                        select count(*) from identity.audit_log l
                        where l.seq > :s and l.entity_type = 'idt.thing' and l.entity_id like 'c-%'
                          and not exists (select 1 from identity.audit_chain c where c.seq = l.seq)
                        """).param("s", before).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                        select count(*) from identity.audit_chain c join identity.audit_log l on l.seq = c.seq
                        where c.seq > :s and l.entity_type = 'idt.thing' and l.entity_id like 'c-%'
                        """).param("s", before).query(Long.class).single()).isEqualTo(200);
    }

    @Test
    void theLogCannotBeEditedThroughTheApplication() {
        long seq = record("t-immutable", DISTRICT_A);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.sql("update identity.audit_log set actor = 'mallory' where seq = :s")
                                .param("s", seq)
                                .update())
                .hasMessageContaining("append-only");
    }

    @Test
    void browsingIsScopedToTheViewersJurisdiction() throws Exception {
        IdentityFixtures.ensure(users, "idt-audit-a", Role.ADMIN, DISTRICT_A);
        record("scoped-a", DISTRICT_A);
        record("scoped-b", DISTRICT_B);
        record("scoped-platform", null);
        mvc.perform(get("/api/v1/audit")
                        .param("entityType", "idt.thing")
                        .param("size", "500")
                        .with(testUsers.as("idt-audit-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].entityId").value(Matchers.hasItems("scoped-a", "scoped-platform")))
                .andExpect(jsonPath("$.items[*].entityId").value(Matchers.not(Matchers.hasItem("scoped-b"))));
        mvc.perform(get("/api/v1/audit").param("entityId", "scoped-b").with(testUsers.as("idt-audit-a")))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/audit").param("from", "yesterday").with(testUsers.as("idt-audit-a")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/admin/audit").param("entityType", "idt.thing").with(testUsers.as("idt-audit-a")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("scoped-a")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("scoped-b"))));
    }
}
