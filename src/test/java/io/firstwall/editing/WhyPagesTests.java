package io.firstwall.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.plans.PlanStore;
import io.firstwall.plans.SavedPlan;

/** "Why" on a plan's page and in the rule editor, and the rule text a sentence file stands for. */
@Tag("database")
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:why-${random.uuid};DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class WhyPagesTests {

    static final String SENTENCES = "permits/permits_sentences.dslr";
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
        return plans.list().stream().filter(p -> p.name().startsWith("1 GW on-site gas")).findFirst().orElseThrow();
    }

    private static Element row(Document page, String id) {
        Element row = page.selectFirst("#why-table tr[data-rule=" + id + "]");
        assertThat(row).as(id).isNotNull();
        return row;
    }

    @Test
    void aPlansWhyPageNamesTheFiredRulesAndTheConditionThatStoppedEachOther() throws Exception {
        SavedPlan plan = memphis();
        mvc.perform(get("/plans/{id}", plan.id())).andExpect(content().string(containsString("/plans/" + plan.id() + "/why")));
        String html = mvc.perform(get("/plans/{id}/why", plan.id())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Document page = Jsoup.parse(html);
        assertThat(page.select("#why-summary").text()).matches("\\d+ of \\d+ rules fired .*");
        Element contested = row(page, "PERM-010");
        assertThat(contested.hasClass("fired")).isTrue();
        assertThat(contested.text()).contains("permits/permits_by_region.drl.csv", "row 11");
        Element texas = row(page, "PERM-012");
        assertThat(texas.hasClass("not-fired")).isTrue();
        assertThat(texas.text()).contains("location == \"US-TX\"", "does not hold", "location is US-TN");
    }

    @Test
    void theEditorTracesItsUnpublishedRulesAgainstASavedPlan() throws Exception {
        int revisions = editing.revisions().size();
        String text = Files.readString(rulesDir.resolve(SENTENCES)) + """

                rule "PERM-060 On-site gas in Memphis needs a water permit for its cooling"
                when
                    There is a plan
                    - located in US-TN
                    - powered by on-site gas
                    The plan is on Earth
                    The lead time is the fact permits.air_permit_months.standard
                then
                    It needs the water permit: a water withdrawal permit for cooling
                end
                """;
        String html = mvc.perform(post("/rules/why").param("file", SENTENCES).param("text", text)
                .param("baseVersion", editing.liveVersion()).param("plan", Long.toString(memphis().id())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document page = Jsoup.parse(html);
        assertThat(row(page, "PERM-060").hasClass("fired")).isTrue();
        assertThat(row(page, "PERM-060").text()).contains(SENTENCES);
        assertThat(row(page, "PERM-002").text()).contains("flag(\"federalNexus\")", "attribute federalNexus is false");
        assertThat(page.select("textarea#rule-text").text()).contains("PERM-060");
        assertThat(editing.revisions()).as("nothing is published").hasSize(revisions);
        assertThat(Files.readString(rulesDir.resolve(SENTENCES))).doesNotContain("PERM-060");
    }

    @Test
    void rulesThatDoNotCompileAreShownAsProblemsNotTraced() throws Exception {
        String text = Files.readString(rulesDir.resolve(SENTENCES)).replace("There is a plan\n    - with federalNexus",
                "There is a plan on Mars\n    - with federalNexus");
        mvc.perform(post("/rules/why").param("file", SENTENCES).param("text", text)
                .param("baseVersion", editing.liveVersion()).param("plan", Long.toString(memphis().id())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is not a sentence the vocabulary knows")))
                .andExpect(content().string(not(containsString("id=\"why-table\""))));
    }

    @Test
    void aSentenceFileShowsTheRuleTextItStandsForAndOffersItsSentences() throws Exception {
        String text = Files.readString(rulesDir.resolve(SENTENCES));
        mvc.perform(post("/rules/drl").param("file", SENTENCES).param("text", text)).andExpect(status().isOk())
                .andExpect(content().string(containsString("$p : Plan(flag(\"federalNexus\"))")))
                .andExpect(content().string(containsString("insert(Calc.permit(drools.getRule().getName(), \"nepa\"")));
        mvc.perform(post("/rules/drl").param("file", SENTENCES).param("text", text.replace("It needs the nepa", "It wants the nepa")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("not a sentence the vocabulary knows")));
        Document edit = Jsoup.parse(mvc.perform(get("/rules/edit").param("file", SENTENCES)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(edit.select("#sentences li").eachText()).contains("There is a plan", "- located in {region}");
        assertThat(edit.select("#sentences li[data-section=then]").eachText()).contains("It needs the {lane} permit: {what}");
        assertThat(edit.select("#show-drl")).hasSize(1);
        assertThat(edit.select("#why-plan option")).isNotEmpty();
    }

    @Test
    void aPlanDeletedMeanwhileIsSaidInTheEditorAndTheTextIsKept() throws Exception {
        String text = Files.readString(rulesDir.resolve(SENTENCES)) + "\n// my draft\n";
        String html = mvc.perform(post("/rules/why").param("file", SENTENCES).param("text", text)
                .param("baseVersion", editing.liveVersion()).param("plan", "987654"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document page = Jsoup.parse(html);
        assertThat(page.select("#edit-error").text()).contains("There is no saved plan 987654");
        assertThat(page.select("textarea#rule-text").text()).contains("// my draft");
    }
}
