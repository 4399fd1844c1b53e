package io.firstwall.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.plan.Json;
import io.firstwall.plan.Plan;
import io.firstwall.system.LiveAnalyzer;

/**
 * Experts edit facts in the browser forms and over the API: a required source, rows checked with
 * their line, facts the rules need, scenarios, impact, atomic publish into data/ and H2, conflicts,
 * history per file, revert, and who may do what. Real H2, real rules, a temporary copy of data/.
 */
@Tag("database")
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:facts-${random.uuid};DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class FactEditingTests {

    static final String PERMITS = "facts/permits.csv";
    static final String LINE = "permits.tx.ccn_deadline_days";
    static Path dataDir;
    static Path rulesDir;

    @DynamicPropertySource
    static void copies(DynamicPropertyRegistry registry) {
        dataDir = AnalysisFixtures.copyOfData();
        rulesDir = AnalysisFixtures.copyOfRules();
        registry.add("firstwall.data-dir", () -> dataDir.toString());
        registry.add("firstwall.rules-dir", () -> rulesDir.toString());
    }

    @Autowired
    WebApplicationContext context;

    @Autowired
    FactEditingService facts;

    @Autowired
    RuleEditingService rules;

    @Autowired
    LiveAnalyzer live;

    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    static MockHttpServletRequestBuilder asExpert(MockHttpServletRequestBuilder request) {
        return request.with(user("expert").roles("ANALYST", "EXPERT")).with(csrf());
    }

    static MockMultipartHttpServletRequestBuilder importAsExpert() {
        var request = multipart("/facts/import");
        request.with(user("expert").roles("ANALYST", "EXPERT")).with(csrf());
        return request;
    }

    /** A Texas line certificate that takes five years (a contested case), as the form posts it. */
    static MockHttpServletRequestBuilder certificateInFiveYears(String source) {
        return asExpert(post("/facts/check")).param("file", PERMITS).param("originalId", LINE).param("id", LINE)
                .param("value", "1800").param("low", "").param("high", "").param("unit", "days").param("asOf", "2026-11")
                .param("source", source).param("status", "assumption").param("note", "what if the certificate were contested");
    }

    String ercotFirstWall() throws IOException {
        Plan plan = live.planReader().read(Files.readString(dataDir.resolve("plans/ercot-campus-new-line.json")));
        return live.analyze(plan, Map.of()).firstWall().factor();
    }

    Map<String, String> lineChange(String value) {
        return Map.of(PERMITS, facts.liveFiles().get(PERMITS).replace(LINE + ",180,180,365,", LINE + "," + value + ",,,"));
    }

    static String body(Map<String, String> files, String base, String message, boolean accept) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("files", files);
        b.put("baseVersion", base);
        b.put("message", message);
        b.put("acceptNewAnswers", accept);
        return Json.MAPPER.writeValueAsString(b);
    }

    @Test
    void aFactWithoutASourceIsRefusedAtItsFieldAndNothingChanges() throws Exception {
        String before = facts.liveVersion();
        mvc.perform(certificateInFiveYears("  ").param("baseVersion", before))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"source-error\"")))
                .andExpect(content().string(containsString("A source is required")));
        mvc.perform(asExpert(post("/facts/check")).param("file", PERMITS).param("originalId", LINE).param("id", LINE)
                        .param("value", "soon").param("low", "2029").param("high", "").param("unit", "year")
                        .param("asOf", "next year").param("source", "s").param("status", "secondary").param("note", "")
                        .param("baseVersion", before))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value &#39;soon&#39; is not a number")))
                .andExpect(content().string(containsString("id=\"asOf-error\"")));
        assertThat(facts.liveVersion()).isEqualTo(before);
    }

    /** An uncertain event whose value is neither of its outcomes is refused at the distribution field. */
    @Test
    void anEventWhoseValueIsNotAnOutcomeIsRefusedAtItsField() throws Exception {
        String point = "gallium.us_exports_allowed@2026-11-27";
        String before = facts.liveVersion();
        mvc.perform(asExpert(post("/facts/check")).param("file", "facts/gallium.csv").param("originalId", point)
                        .param("id", point).param("value", "0.5").param("low", "0").param("high", "1")
                        .param("unit", "1 allowed / 0 banned").param("asOf", "2026-12").param("source", "s")
                        .param("status", "assumption").param("note", "").param("distribution", "event 0.5")
                        .param("baseVersion", before))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"distribution-error\"")))
                .andExpect(content().string(containsString("the value must be one of the two outcomes")));
        assertThat(facts.liveVersion()).isEqualTo(before);
    }

    @Test
    void anEditedFactShowsItsRowImpactAndScenarioThenPublishesIntoDataH2AndTheAnalyzer() throws Exception {
        String base = facts.liveVersion();
        String original = Files.readString(dataDir.resolve(PERMITS));
        mvc.perform(certificateInFiveYears("assumption: a contested certificate").param("baseVersion", base))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<del>180</del>")))
                .andExpect(content().string(containsString("<ins>1800</ins>")))
                .andExpect(content().string(containsString("<del>365</del>")))
                .andExpect(content().string(containsString("FAIL")))
                .andExpect(content().string(containsString("ERCOT campus on a new 345 kV line")))
                .andExpect(content().string(containsString("<td class=\"changed\">permits on ")));
        String text = facts.setFact(PERMITS, LINE, List.of(LINE, "1800", "", "", "days", "2026-11",
                "assumption: a contested certificate", "assumption", "what if")).get(PERMITS);

        mvc.perform(asExpert(post("/facts/publish")).param("file", PERMITS).param("text", text)
                        .param("baseVersion", base).param("message", "a contested certificate"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("answers differently")));
        assertThat(ercotFirstWall()).isEqualTo("GRID_INTERCONNECT");
        assertThat(Files.readString(dataDir.resolve(PERMITS))).isEqualTo(original);

        mvc.perform(asExpert(post("/facts/publish")).param("file", PERMITS).param("text", text)
                        .param("baseVersion", base).param("message", "a contested certificate").param("accept", "true"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/facts"));
        assertThat(ercotFirstWall()).isEqualTo("PERMITS");
        assertThat(live.facts().get(LINE).value()).isEqualTo(1800);
        assertThat(jdbc.sql("select fact_value from fact where id = ?").param(LINE).query(Double.class).single())
                .isEqualTo(1800);
        assertThat(LineDiff.changes(original, Files.readString(dataDir.resolve(PERMITS)))).hasSize(2);
        assertThat(Files.readString(rulesDir.resolve("tests/ercot-campus-new-line.json")))
                .contains("\"firstWall\" : \"PERMITS\"");
        assertThat(rules.revisions().get(0).message()).contains("new expectations accepted with fact revision");
        assertThat(facts.revisions().get(0).author()).isEqualTo("expert");
        assertThat(rules.auditLog()).extracting(r -> r.get("WHAT").toString())
                .anySatisfy(w -> assertThat(w).startsWith("facts facts/permits.csv"))
                .anySatisfy(w -> assertThat(w).startsWith("rule test scenarios tests/ercot-campus-new-line.json"));
    }

    /** A point of a series is a row like any other: checked, its impact shown, published, read at its date. */
    @Test
    void aPointOfASeriesIsEditedWithItsImpactAndPublished() throws Exception {
        String point = "chip.cowos_wafers_per_month@2028-01-01";
        String chips = "facts/chips.csv";
        String base = facts.liveVersion();
        mvc.perform(asExpert(post("/facts/check")).param("file", chips).param("originalId", point).param("id", point)
                        .param("value", "56000").param("low", "").param("high", "").param("unit", "wafers/month")
                        .param("asOf", "2028-01").param("source", "what if CoWoS stalled at half").param("status", "assumption")
                        .param("note", "").param("baseVersion", base))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<del>112000</del>")))
                .andExpect(content().string(containsString("<ins>56000</ins>")))
                .andExpect(content().string(containsString("Multi-GW 2030 build-out in Texas on reserved turbines")));
        String row = facts.liveFiles().get(chips).lines().filter(l -> l.startsWith(point + ",")).findFirst().orElseThrow();
        String text = facts.liveFiles().get(chips).replace(row, point + ",56000,,,wafers/month,2028-01,what if CoWoS stalled,assumption,");
        mvc.perform(asExpert(post("/facts/publish")).param("file", chips).param("text", text)
                        .param("baseVersion", base).param("message", "CoWoS stalls").param("accept", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(live.facts().at("chip.cowos_wafers_per_month", java.time.LocalDate.of(2029, 6, 1)).value()).isEqualTo(56000);
        assertThat(live.facts().at("chip.cowos_wafers_per_month", java.time.LocalDate.of(2027, 6, 1)).value()).isEqualTo(110500);
        assertThat(jdbc.sql("select fact_value from fact where id = ?").param(point).query(Double.class).single())
                .isEqualTo(56000);
    }

    @Test
    void anImportWithAWrongColumnOrABadRowIsRefusedWithItsLineAndNothingChanges() throws Exception {
        String before = facts.liveVersion();
        mvc.perform(importAsExpert().file(new MockMultipartFile("csv", "t.csv", "text/csv",
                        "id,value,unit,source\nx,1,W,s\n".getBytes())).param("file", PERMITS))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-line=\"1\"")))
                .andExpect(content().string(containsString(">facts/permits.csv:1</a>")))
                .andExpect(content().string(containsString("wrong columns id,value,unit,source")));
        String badRow = facts.liveFiles().get(PERMITS) + "turbine.new,12,,,MW,2025,,secondary,\n";
        mvc.perform(importAsExpert().file(new MockMultipartFile("csv", "t.csv", "text/csv",
                        ("\uFEFF" + badRow).getBytes(StandardCharsets.UTF_8))).param("file", PERMITS))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("source is empty")))
                .andExpect(content().string(containsString("<tr class=\"added\">")))
                .andExpect(content().string(containsString("turbine.new</td>")));
        mvc.perform(post("/api/facts/publish").with(httpBasic("expert", "expert")).contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of(PERMITS, badRow), before, "new turbine", false)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.validation.errors[0].file").value(PERMITS))
                .andExpect(jsonPath("$.validation.errors[0].line").isNumber());
        assertThat(facts.liveVersion()).isEqualTo(before);
    }

    @Test
    void aNewFactFileCanBeImportedAndExportedBackUnchanged() throws Exception {
        String csv = "id,value,low,high,unit,as_of,source,status,note\n"
                + "cooling.test_figure,3,,,MW,2026,\"Example source, with a comma\",assumption,\n";
        mvc.perform(importAsExpert().file(new MockMultipartFile("csv", "cooling.csv", "text/csv",
                        csv.getBytes())).param("file", PERMITS).param("newFile", "cooling"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No problems in the files")));
        facts.publish(Map.of("facts/cooling.csv", csv), facts.liveVersion(), "expert", "a cooling figure", false);
        assertThat(live.facts().get("cooling.test_figure").source()).isEqualTo("Example source, with a comma");
        mvc.perform(get("/facts/export").param("file", "facts/cooling.csv").with(user("analyst").roles("ANALYST")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string(csv));
    }

    @Test
    void anOversizedUploadGetsAPageThatSaysSo() throws Exception {
        mvc.perform(get("/error").requestAttr("jakarta.servlet.error.status_code", 413).accept(MediaType.TEXT_HTML)
                        .with(user("expert").roles("EXPERT")))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().string(containsString("at most 1 MB. Nothing was imported or changed")));
    }

    @Test
    void removingAFactTheRulesUseIsRefusedAndNamesTheRuleFile() {
        String casting = "turbine.casting_backlog_year";
        Validation v = facts.validate(facts.removeFact(casting));
        assertThat(v.ok()).isFalse();
        assertThat(v.errors()).anySatisfy(p -> {
            assertThat(p.file()).startsWith("rules/turbines/");
            assertThat(p.message()).contains("uses fact '" + casting + "'");
        });
        assertThatThrownBy(() -> facts.publish(facts.removeFact(casting), facts.liveVersion(), "expert", "gone", true))
                .isInstanceOf(RefusedException.class);
        assertThat(live.facts().fact(casting)).isPresent();
    }

    @Test
    void removingAFactThatARuleReadsByABuiltNameIsRefusedToo() {
        Validation v = facts.validate(facts.removeFact("turbine.gas_engine.next_slot_year"));
        assertThat(v.errors()).singleElement().satisfies(p -> {
            assertThat(p.file()).startsWith("rules/turbines/");
            assertThat(p.message()).contains("turbine.<...>.next_slot_year").contains("'turbine.gas_engine.next_slot_year'");
        });
        assertThat(facts.validate(facts.removeFact("chip.new_gen_ramp_months")).errors()).isNotEmpty();
        assertThat(facts.validate(facts.removeFact("permits.air_permit_months.contested")).errors())
                .anySatisfy(p -> assertThat(p.file()).isEqualTo("rules/permits/permits_by_region.drl.csv"));
    }

    @Test
    void theSecondExpertToPublishIsToldOfTheConflictAndShownTheRows() throws Exception {
        String base = facts.liveVersion();
        facts.publish(lineChange("365"), base, "expert", "first", true);
        mvc.perform(post("/api/facts/publish").with(httpBasic("admin", "admin")).contentType(MediaType.APPLICATION_JSON)
                        .content(body(lineChange("300"), base, "second", true)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("Conflict")))
                .andExpect(jsonPath("$.changedMeanwhile['facts/permits.csv'][1].text").value(containsString(LINE + ",365")));
        assertThat(live.facts().get(LINE).value()).isEqualTo(365);
    }

    @Test
    void historyPerFileShowsTheRowsAndRevertIsANewRevision() throws Exception {
        long initial = facts.revisions().get(0).id();
        facts.publish(lineChange("365"), facts.liveVersion(), "expert", "eight years, the low end", true);
        mvc.perform(get("/facts/history").param("file", PERMITS).with(user("analyst").roles("ANALYST")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("eight years, the low end")))
                .andExpect(content().string(containsString("+ " + LINE + ",365")));
        mvc.perform(get("/facts/edit").param("id", LINE).with(user("expert").roles("EXPERT")))
                .andExpect(content().string(containsString("id=\"fact-history\"")))
                .andExpect(content().string(containsString("eight years, the low end")))
                .andExpect(content().string(containsString("+ " + LINE + ",365")))
                .andExpect(content().string(not(containsString("+ permits.nepa_eis_deadline_months"))));
        mvc.perform(get("/facts/history").param("file", "facts/power.csv").with(user("analyst").roles("ANALYST")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("eight years, the low end"))));
        long published = facts.revisions().get(0).id();
        mvc.perform(get("/facts/history").with(user("expert").roles("EXPERT")))
                .andExpect(content().string(containsString("Show the changes")))
                .andExpect(content().string(containsString("facts facts/permits.csv \u2192 fact revision " + published)));
        mvc.perform(get("/facts/diff").param("from", String.valueOf(initial)).param("to", String.valueOf(published))
                        .with(user("analyst").roles("ANALYST")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("+ " + LINE + ",365")));
        mvc.perform(post("/api/facts/revisions/" + initial + "/revert").param("message", "back")
                        .with(httpBasic("expert", "expert")))
                .andExpect(status().isCreated());
        assertThat(live.facts().get(LINE).value()).isEqualTo(180);
        assertThat(facts.revisions()).hasSize(3);
        assertThat(facts.revisions().get(0).message()).startsWith("revert to fact revision " + initial);
        assertThat(facts.liveVersion()).isEqualTo(facts.revisions().get(2).version());
        assertThat(facts.diff(initial, facts.revisions().get(1).id()).get(PERMITS))
                .anySatisfy(l -> assertThat(l.text()).startsWith(LINE + ",365"));
    }

    @Test
    void rulesHaveAHistoryPerFileToo() throws Exception {
        String table = "permits/permits_by_region.drl.csv";
        mvc.perform(get("/rules/history").param("file", table).with(user("expert").roles("EXPERT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("the rule set as found when firstwall first started")))
                .andExpect(content().string(containsString("+ PERM-010")));
    }

    @Test
    void analystsBrowseAndExportFactsButOnlyExpertsAndAdminsChangeThem() throws Exception {
        mvc.perform(get("/facts").with(user("analyst").roles("ANALYST"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(LINE)))
                .andExpect(content().string(not(containsString("/facts/edit?id="))))
                // The assumed return of China's ban (27 November 2026) ends its series and has passed: to check.
                .andExpect(content().string(containsString("id=\"to-check\"")))
                .andExpect(content().string(containsString("href=\"#fact-gallium.us_exports_allowed@2026-11-27\"")))
                .andExpect(content().string(containsString("To check: the series ends on 2026-11-27, which has passed")));
        mvc.perform(get("/facts").with(user("expert").roles("EXPERT"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/facts/edit?id=" + LINE)));
        mvc.perform(get("/api/facts").with(httpBasic("analyst", "analyst"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.facts[0].source").isNotEmpty());
        mvc.perform(get("/facts/edit").param("id", LINE).with(user("analyst").roles("ANALYST")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/facts/publish").with(user("analyst").roles("ANALYST")).with(csrf()).param("file", PERMITS)
                .param("text", "x").param("baseVersion", "x")).andExpect(status().isForbidden());
        mvc.perform(post("/api/facts/publish").with(httpBasic("analyst", "analyst")).contentType(MediaType.APPLICATION_JSON)
                .content(body(lineChange("1"), facts.liveVersion(), "x", true))).andExpect(status().isForbidden());
        mvc.perform(post("/facts/publish").with(user("expert").roles("EXPERT")).param("file", PERMITS)
                .param("text", "x").param("baseVersion", "x")).andExpect(status().isForbidden());
        mvc.perform(get("/facts/edit").param("id", "no.such.fact").with(user("expert").roles("EXPERT")))
                .andExpect(status().isNotFound());
        assertThat(live.facts().get(LINE).value()).isEqualTo(180);
    }
}
