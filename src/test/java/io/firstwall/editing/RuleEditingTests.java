package io.firstwall.editing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.Assertions;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.plan.Json;
import io.firstwall.plan.Plan;
import io.firstwall.system.LiveAnalyzer;

/** Experts edit rules over the API: validate, impact, scenarios, publish, conflicts, history, revert, roles. */
@Tag("database")
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:editing-${random.uuid};DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class RuleEditingTests {

    static final String TABLE = "permits/permits_by_region.drl.csv";
    static Path rulesDir;

    @DynamicPropertySource
    static void rulesCopy(DynamicPropertyRegistry registry) {
        rulesDir = AnalysisFixtures.copyOfRules();
        registry.add("firstwall.rules-dir", () -> rulesDir.toString());
    }

    @Autowired
    WebApplicationContext context;

    @Autowired
    RuleEditingService editing;

    @Autowired
    LiveAnalyzer live;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    static String body(Map<String, String> files, String base, String message) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("files", files);
        b.put("baseVersion", base);
        b.put("message", message);
        return Json.MAPPER.writeValueAsString(b);
    }

    String table() {
        return editing.liveFiles().get(TABLE);
    }

    /** Memphis air permits now wait as long as a transmission line: the Memphis plan's first wall becomes PERMITS. */
    Map<String, String> slowMemphisPermits() {
        return Map.of(TABLE, table().replace("US-TN,ONSITE_GAS,,FUEL_CELL,100,permits.air_permit_months.contested",
                "US-TN,ONSITE_GAS,,FUEL_CELL,100,permits.transmission_line_months"));
    }

    Map<String, String> withUpdatedMemphisScenario(Map<String, String> changes) {
        Map<String, String> all = new LinkedHashMap<>(changes);
        all.put("tests/memphis-onsite-gas-1gw.json", editing.liveFiles().get("tests/memphis-onsite-gas-1gw.json")
                .replace("TURBINE_SUPPLY", "PERMITS"));
        return all;
    }

    String memphisFirstWall() throws IOException {
        Plan plan = live.planReader().read(Files.readString(Path.of("data/plans/memphis-onsite-gas-1gw.json")));
        return live.analyze(plan, Map.of()).firstWall().factor();
    }

    @Test
    void aCompileErrorIsShownAtItsFileLineAndColumnAndNothingChanges() throws Exception {
        String before = editing.liveVersion();
        mvc.perform(post("/api/rules/validate").with(httpBasic("expert", "expert")).contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("grid/grid_interconnect.drl", editing.liveFiles().get("grid/grid_interconnect.drl")
                                .replace("    $d : PhaseDemand()\nthen", "    $d : PhaseDemand(facilityMw == )\nthen")),
                                before, "")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(false))
                .andExpect(jsonPath("$.errors[0].file").value("rules/grid/grid_interconnect.drl"))
                .andExpect(jsonPath("$.errors[0].line").isNumber())
                .andExpect(jsonPath("$.errors[0].column").isNumber());
        assertThat(editing.liveVersion()).isEqualTo(before);
    }

    /** Levers are edited and published like rules: a broken row is refused by name; a new cost ranks the next search. */
    @Test
    void anExpertPublishesALeverCostAndTheNextSearchUsesItWhileABrokenLeverIsRefused() throws Exception {
        String before = editing.liveVersion();
        String levers = editing.liveFiles().get("levers.csv");
        mvc.perform(post("/api/rules/validate").with(httpBasic("expert", "expert")).contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("levers.csv", levers.replace("flexibleLoad,yes,", "flexibleLoad,maybe,")), before, "")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.ok").value(false))
                .andExpect(jsonPath("$.errors[0].file").value("rules/levers.csv"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("'grid.flexible'")));
        assertThat(editing.liveVersion()).isEqualTo(before);

        // Trailer turbines for an on-site plan become a hundred times dearer: the Ohio plan's options reprice.
        String dearer = levers.replace("onsite.mobile_turbines,Trailer turbines instead of frames,turbineType,MOBILE_TURBINE,,PER_KW,500,250,1557,",
                "onsite.mobile_turbines,Trailer turbines instead of frames,turbineType,MOBILE_TURBINE,,PER_KW,50000,250,155700,");
        assertThat(dearer).isNotEqualTo(levers);
        mvc.perform(post("/api/rules/publish").with(httpBasic("expert", "expert")).contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("levers.csv", dearer), before, "trailer turbines priced as bought outright")))
                .andExpect(status().isCreated());
        assertThat(Files.readString(rulesDir.resolve("levers.csv"))).isEqualTo(dearer);
        Plan ohio = live.planReader().read(Files.readString(Path.of("data/plans/ohio-gas-engines.json")));
        io.firstwall.seek.SeekResult r = live.seek(ohio, io.firstwall.seek.SeekRequest.point());
        assertThat(r.options()).isNotEmpty();
        assertThat(r.options().get(0).changes()).extracting(io.firstwall.seek.Change::lever).doesNotContain("onsite.mobile_turbines");
        r.options().stream().flatMap(o -> o.changes().stream()).filter(c -> c.lever().equals("onsite.mobile_turbines"))
                .forEach(c -> assertThat(c.cost()).isGreaterThan(1e9));
    }

    @Test
    void aDecisionTableRowThatOverlapsAnotherIsAWarningThatDoesNotBlock() throws Exception {
        String row = table().lines().filter(l -> l.startsWith("PERM-010 ")).findFirst().orElseThrow();
        String doubled = table().replace(row + "\n", row + "\n" + row.replaceFirst("^PERM-010 ", "PERM-019 ") + "\n");
        mvc.perform(post("/api/rules/validate").with(httpBasic("expert", "expert")).contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of(TABLE, doubled), editing.liveVersion(), "")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.errors").isEmpty())
                .andExpect(jsonPath("$.warnings[0].message").value(Matchers.startsWith("overlap: PERM-010 and PERM-019")))
                .andExpect(jsonPath("$.summary").value(Matchers.containsString("1 warning about a table's rows")));
    }

    @Test
    void validateAloneRunsNothingHostile() throws Exception {
        String before = editing.liveVersion();
        String[] payloads = {
                "Object o = String.class.<Object>forName(\"java.lang.System\").<Object>getMethod(\"setProperty\","
                        + " String.class, String.class).<Object>invoke(null, \"firstwall.validate.canary\", \"ran\");",
                "Object o = new ProcessBuilder(\"true\").start();",
                "Object o = $p.getClass().getClassLoader();"};
        for (String payload : payloads) {
            String hostile = editing.liveFiles().get("grid/grid_interconnect.drl").replace(
                    "insert(new Note(\"GRID_INTERCONNECT\", \"GRID-004\"", payload
                            + "\n    insert(new Note(\"GRID_INTERCONNECT\", \"GRID-004\"");
            mvc.perform(post("/api/rules/validate").with(httpBasic("expert", "expert")).contentType(MediaType.APPLICATION_JSON)
                            .content(body(Map.of("grid/grid_interconnect.drl", hostile), before, "")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.ok").value(false))
                    .andExpect(jsonPath("$.errors[0].file").value("rules/grid/grid_interconnect.drl"))
                    .andExpect(jsonPath("$.scenarios").isEmpty())
                    .andExpect(jsonPath("$.impact").isEmpty());
        }
        assertThat(System.getProperty("firstwall.validate.canary")).isNull();
        assertThat(editing.liveVersion()).isEqualTo(before);
    }

    @Test
    void aLoopingOrMemoryHungryRuleFailsItsScenariosInsteadOfHangingTheRequest() throws Exception {
        String before = editing.liveVersion();
        String looping = "package rules.test;\nimport io.firstwall.plan.Plan;\nimport io.firstwall.analysis.Note;\n"
                + "rule \"T-001 Loop\"\nwhen\n    $p : Plan(power != io.firstwall.plan.Power.ONSITE_GAS)\n    $n : Note()\nthen\n"
                + "    insert(new Note($n.factor(), $n.ruleId(), $n.text(), $n.factIds()));\nend\n"
                + "rule \"T-002 Memory\"\nwhen\n    $p : Plan(power == io.firstwall.plan.Power.ONSITE_GAS)\n    $n : Note()\nthen\n"
                + "    insert(new Note($n.factor(), $n.ruleId(), $n.text() + $n.text(), $n.factIds()));\nend\n";
        mvc.perform(post("/api/rules/validate").with(httpBasic("expert", "expert")).contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("test/loop.drl", looping), before, "")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(false))
                .andExpect(jsonPath("$.errors").isEmpty())
                .andExpect(jsonPath("$.scenarios[?(@.passed == true)]").isEmpty())
                .andExpect(jsonPath("$.scenarios[*].actual").value(Matchers.hasItem(
                        Matchers.anyOf(Matchers.containsString("ms of CPU"),
                                Matchers.containsString("times without settling")))))
                .andExpect(jsonPath("$.scenarios[*].actual").value(Matchers.hasItem(
                        Matchers.containsString("ran out of memory"))));
        assertThat(editing.liveVersion()).isEqualTo(before);
    }

    @Test
    void aHostileRuleIsRefusedAndTheLiveRulesStay() throws Exception {
        String before = editing.liveVersion();
        String diskBefore = Files.readString(rulesDir.resolve("grid/grid_interconnect.drl"));
        String hostile = editing.liveFiles().get("grid/grid_interconnect.drl").replace(
                "insert(new Note(\"GRID_INTERCONNECT\", \"GRID-004\"", "System.exit(1);\n    insert(new Note(\"GRID_INTERCONNECT\", \"GRID-004\"");
        mvc.perform(post("/api/rules/publish").with(httpBasic("expert", "expert")).contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("grid/grid_interconnect.drl", hostile), before, "try")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.validation.errors[0].message").value(Matchers.containsString("System")));
        assertThat(editing.liveVersion()).isEqualTo(before);
        assertThat(Files.readString(rulesDir.resolve("grid/grid_interconnect.drl"))).isEqualTo(diskBefore);
    }

    @Test
    void aRulePublishCannotTakeNewAnswersWithoutChangingTheRuleTest() throws Exception {
        String before = editing.liveVersion();
        mvc.perform(post("/api/rules/publish").with(httpBasic("expert", "expert")).contentType(MediaType.APPLICATION_JSON)
                        .content(Json.MAPPER.writeValueAsString(Map.of("files", slowMemphisPermits(), "baseVersion", before,
                                "message", "slower permits", "acceptNewAnswers", true))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("tests/NAME.json")));
        assertThat(editing.liveVersion()).isEqualTo(before);
    }

    @Test
    void theImpactPreviewListsChangedPlansFirst() {
        Validation v = editing.validate(slowMemphisPermits());
        assertThat(v.errors()).isEmpty();
        assertThat(v.impact().get(0).changed()).isTrue();
        assertThat(v.impact().get(0).name()).isEqualTo("1 GW on-site gas campus");
        assertThat(v.impact().get(0).before()).startsWith("TURBINE_SUPPLY");
        assertThat(v.impact().get(0).after()).startsWith("PERMITS");
        assertThat(v.impact().stream().filter(Impact::changed)).hasSize(1);
        assertThat(v.generatedDrl().get(TABLE)).contains("rule \"PERM-010");
    }

    @Test
    void aFailingScenarioBlocksPublishingUntilItsExpectationIsChangedOnPurpose() throws Exception {
        String base = editing.liveVersion();
        mvc.perform(post("/api/rules/publish").with(httpBasic("expert", "expert")).contentType(MediaType.APPLICATION_JSON)
                        .content(body(slowMemphisPermits(), base, "slower Memphis permits")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("scenario fails")));
        assertThat(memphisFirstWall()).isEqualTo("TURBINE_SUPPLY");

        mvc.perform(post("/api/rules/publish").with(httpBasic("expert", "expert")).contentType(MediaType.APPLICATION_JSON)
                        .content(body(withUpdatedMemphisScenario(slowMemphisPermits()), base, "slower Memphis permits")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.author").value("expert"));
        assertThat(memphisFirstWall()).isEqualTo("PERMITS");
        assertThat(Files.readString(rulesDir.resolve(TABLE))).contains("US-TN,ONSITE_GAS,,FUEL_CELL,100,permits.transmission_line_months");
        assertThat(editing.auditLog()).first().satisfies(row -> assertThat(row.get("WHY")).isEqualTo("slower Memphis permits"));
    }

    @Test
    void theSecondExpertToPublishIsToldOfTheConflictAndShownTheDiff() {
        String base = editing.liveVersion();
        editing.publish(withUpdatedMemphisScenario(slowMemphisPermits()), base, "expert", "first");
        Map<String, String> other = Map.of(TABLE, table().replace("US-TX,,false,,0,permits.local_approval_months.US-TX",
                "US-TX,,false,,0,permits.local_approval_months.US-MS"));
        Assertions.assertThatThrownBy(() -> editing.publish(other, base, "admin", "second"))
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.getMessage()).startsWith("Conflict");
                    assertThat(e.conflict()).containsKey(TABLE);
                    assertThat(e.conflict().get(TABLE)).anySatisfy(l -> assertThat(l.text()).contains("transmission_line_months"));
                });
    }

    @Test
    void historyShowsRowLevelDiffsAndRevertIsANewRevision() throws Exception {
        long initial = editing.revisions().get(editing.revisions().size() - 1).id();
        editing.publish(withUpdatedMemphisScenario(slowMemphisPermits()), editing.liveVersion(), "expert", "slower");
        long published = editing.revisions().get(0).id();
        Map<String, List<LineDiff.Line>> diff = editing.diff(initial, published);
        assertThat(diff.get(TABLE)).hasSize(2).anySatisfy(l -> {
            assertThat(l.op()).isEqualTo('+');
            assertThat(l.text()).startsWith("PERM-010");
        });
        mvc.perform(post("/api/rules/revisions/" + initial + "/revert").param("message", "back to the original")
                        .with(httpBasic("admin", "admin")).with(csrf()))
                .andExpect(status().isCreated());
        assertThat(memphisFirstWall()).isEqualTo("TURBINE_SUPPLY");
        assertThat(editing.revisions()).hasSize(3);
        assertThat(editing.revisions().get(0).message()).startsWith("revert to revision " + initial);
        assertThat(editing.liveVersion()).isEqualTo(editing.revisions().get(editing.revisions().size() - 1).version());
    }

    /** "Revert to this" goes through the same review as a publish: diff, rule tests, impact and a message. */
    @Test
    void aRevertFromTheHistoryPageIsReviewedBeforeItPublishes() throws Exception {
        long initial = editing.revisions().get(editing.revisions().size() - 1).id();
        editing.publish(withUpdatedMemphisScenario(slowMemphisPermits()), editing.liveVersion(), "expert", "slower");
        String published = editing.liveVersion();
        mvc.perform(get("/rules/history").with(httpBasic("expert", "expert")))
                .andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.content().string(Matchers.containsString(
                        "href=\"/rules/revisions/" + initial + "/revert\"")))
                .andExpect(MockMvcResultMatchers.content().string(Matchers.not(Matchers.containsString(
                        "action=\"/rules/revisions/" + initial + "/revert\""))));
        String review = mvc.perform(get("/rules/revisions/" + initial + "/revert").with(httpBasic("expert", "expert")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(review).contains("Revert to revision " + initial).contains("id=\"impact\"").contains("id=\"scenarios\"")
                .contains("PERM-010").contains("name=\"message\"").contains("value=\"" + published + "\"");
        assertThat(editing.liveVersion()).as("a review publishes nothing").isEqualTo(published);

        // No message: refused on the review page, nothing published.
        mvc.perform(post("/rules/revisions/" + initial + "/revert").param("baseVersion", published)
                        .with(httpBasic("expert", "expert")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.content().string(Matchers.containsString("Say why")));
        // Reviewed on a version that is no longer live: a conflict, nothing published.
        mvc.perform(post("/rules/revisions/" + initial + "/revert").param("baseVersion", "stale").param("message", "back")
                        .with(httpBasic("expert", "expert")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.content().string(Matchers.containsString("id=\"edit-error\"")));
        assertThat(editing.liveVersion()).isEqualTo(published);

        mvc.perform(post("/rules/revisions/" + initial + "/revert").param("baseVersion", published)
                        .param("message", "the slower permits had no source").with(httpBasic("expert", "expert")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(editing.revisions().get(0).message()).isEqualTo("revert to revision " + initial
                + ": the slower permits had no source");
        assertThat(memphisFirstWall()).isEqualTo("TURBINE_SUPPLY");
        // Back at the original: the review says there is nothing to revert and offers no publish.
        mvc.perform(get("/rules/revisions/" + initial + "/revert").with(httpBasic("expert", "expert")))
                .andExpect(MockMvcResultMatchers.content().string(Matchers.containsString("id=\"nothing-to-revert\"")))
                .andExpect(MockMvcResultMatchers.content().string(Matchers.not(Matchers.containsString("id=\"revert-form\""))));
        mvc.perform(get("/rules/revisions/999999/revert").with(httpBasic("expert", "expert"))).andExpect(status().isNotFound());
        mvc.perform(get("/rules/revisions/" + initial + "/revert").with(httpBasic("analyst", "analyst")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aDecisionTableGoesOutAsASpreadsheetAndComesBackIntoTheEditor() throws Exception {
        byte[] xlsx = mvc.perform(get("/rules/xlsx").param("file", TABLE).with(httpBasic("expert", "expert")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        ByteArrayOutputStream edited = new ByteArrayOutputStream();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            for (var row : sheet) {
                if (row.getCell(0) != null && row.getCell(0).getStringCellValue().startsWith("PERM-010")) {
                    row.getCell(5).setCellValue("1000");
                }
            }
            book.write(edited);
        }
        mvc.perform(MockMvcRequestBuilders.multipart("/rules/xlsx")
                        .file(new MockMultipartFile("sheet", "permits.xlsx",
                                "application/octet-stream", edited.toByteArray()))
                        .param("file", TABLE).with(httpBasic("expert", "expert"))
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.content().string(
                        Matchers.containsString("US-TN,ONSITE_GAS,,FUEL_CELL,1000,permits.air_permit_months.contested")))
                .andExpect(MockMvcResultMatchers.content().string(
                        Matchers.containsString("nothing is live yet")));
        assertThat(table()).contains("US-TN,ONSITE_GAS,,FUEL_CELL,100,permits.air_permit_months.contested");
    }

    @Test
    void onlyExpertsAndAdminsMayEditRules() throws Exception {
        mvc.perform(get("/api/rules").with(httpBasic("analyst", "analyst"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/rules/publish").with(httpBasic("analyst", "analyst")).contentType(MediaType.APPLICATION_JSON)
                .content(body(Map.of(), editing.liveVersion(), "x"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/rules").with(httpBasic("expert", "expert"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.rules[0].id").exists());
    }

    @Test
    void analysesInFlightFinishOnTheRuleBaseTheyStartedWith() throws Exception {
        Plan plan = live.planReader().read(Files.readString(Path.of("data/plans/memphis-onsite-gas-1gw.json")));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicBoolean publishing = new AtomicBoolean(true);
        List<Future<List<String>>> workers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            workers.add(pool.submit(() -> {
                List<String> seen = new ArrayList<>();
                while (publishing.get() || seen.size() < 50) {
                    seen.add(live.analyze(plan, Map.of()).firstWall().factor());
                }
                return seen;
            }));
        }
        editing.publish(withUpdatedMemphisScenario(slowMemphisPermits()), editing.liveVersion(), "expert", "swap");
        publishing.set(false);
        List<String> all = new ArrayList<>();
        for (Future<List<String>> w : workers) {
            all.addAll(w.get());
        }
        pool.shutdown();
        assertThat(all).isNotEmpty().allSatisfy(f -> assertThat(f).isIn("TURBINE_SUPPLY", "PERMITS"));
        assertThat(memphisFirstWall()).isEqualTo("PERMITS");
    }
}
