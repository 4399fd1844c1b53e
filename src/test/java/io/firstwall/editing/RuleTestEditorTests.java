package io.firstwall.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.plans.PlanStore;
import io.firstwall.plans.SavedPlan;
import io.firstwall.ruletests.RuleTests;

/** The rule-test pages: one from a saved plan in one click, an expectation edited in a form, results on the page. */
@Tag("database")
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:rule-tests-${random.uuid};DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class RuleTestEditorTests {

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
    PlanStore plans;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity())
                .defaultRequest(get("/").with(user("expert").roles("ANALYST", "EXPERT")).with(csrf())).build();
    }

    private SavedPlan memphis() {
        return plans.list().stream().filter(p -> p.json().contains("US-TN") && p.json().contains("HEAVY_DUTY"))
                .filter(p -> p.name().startsWith("1 GW on-site gas")).findFirst().orElseThrow();
    }

    @Test
    void aSavedPlanBecomesARuleTestThatExpectsWhatItAnswersNow() throws Exception {
        int before = editing.revisions().size();
        SavedPlan plan = memphis();
        mvc.perform(post("/rules/tests/from-plan").param("planId", Long.toString(plan.id())))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/rules/tests"))
                .andExpect(flash().attribute("message", containsString("expects what the plan gets now")));
        Path file = rulesDir.resolve("tests/1-gw-on-site-gas-campus.json");
        assertThat(file).exists();
        RuleTests.Expectation expect = RuleTests.expectation(Files.readString(file));
        assertThat(expect.firstWall()).isEqualTo("TURBINE_SUPPLY");
        assertThat(expect.bindsOn()).isEqualTo("2026-12-31");
        assertThat(expect.cascade()).startsWith("TURBINE_SUPPLY", "CONSTRUCTION", "ELECTRICAL_EQUIPMENT");
        assertThat(editing.revisions()).hasSize(before + 1);
        assertThat(editing.runRuleTests()).allMatch(r -> r.passed());

        // A second one from the same plan gets a name of its own; the page lists both, passing.
        mvc.perform(post("/rules/tests/from-plan").param("planId", Long.toString(plan.id())))
                .andExpect(status().is3xxRedirection());
        assertThat(rulesDir.resolve("tests/1-gw-on-site-gas-campus-2.json")).exists();
        mvc.perform(get("/rules/tests")).andExpect(status().isOk())
                .andExpect(content().string(containsString("tests/1-gw-on-site-gas-campus-2.json")))
                .andExpect(content().string(containsString("rule tests pass against the live rules")));
    }

    @Test
    void anExpectationTheRulesDoNotMeetIsRefusedAndOneTheyMeetIsPublished() throws Exception {
        String file = "tests/nova-grid-1gw.json";
        String before = editing.liveFiles().get(file);
        String version = editing.liveVersion();
        mvc.perform(post("/rules/tests/save").param("file", file).param("firstWall", "PERMITS")
                        .param("bindsOn", "2027-06-30").param("baseVersion", version).param("message", "wrong on purpose"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("rule test")))
                .andExpect(content().string(containsString("The rules answer now")));
        assertThat(editing.liveFiles().get(file)).as("nothing was published").isEqualTo(before);

        mvc.perform(post("/rules/tests/save").param("file", file).param("firstWall", "GRID_INTERCONNECT")
                        .param("bindsOn", "2027-06-30").param("cascade", "grid_interconnect, construction, ELECTRICAL_EQUIPMENT")
                        .param("baseVersion", version).param("message", "pin the cascade too"))
                .andExpect(status().is3xxRedirection());
        RuleTests.Expectation now = RuleTests.expectation(editing.liveFiles().get(file));
        assertThat(now.cascade()).containsExactly("GRID_INTERCONNECT", "CONSTRUCTION", "ELECTRICAL_EQUIPMENT");
        assertThat(Files.readString(rulesDir.resolve(file))).contains("\"cascade\"").contains("\"nova-grid-1gw.json\"");
        mvc.perform(get("/rules/tests/edit").param("file", file)).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"GRID_INTERCONNECT, CONSTRUCTION, ELECTRICAL_EQUIPMENT\"")));
    }
}
