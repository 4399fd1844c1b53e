package io.firstwall.whatif;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

import io.firstwall.security.SecurityConfiguration;
import io.firstwall.system.FactorLabels;
import io.firstwall.system.FixedClock;
import io.firstwall.system.NotFoundException;
import io.firstwall.system.WebTestSupport;
import io.firstwall.facts.Fact;
import io.firstwall.plans.PlanStore;
import io.firstwall.plans.SavedPlan;
import io.firstwall.analysis.LiveAnalysis;
import io.firstwall.system.TooBusyException;
import io.firstwall.seek.LiveSeek;
import io.firstwall.uncertainty.LiveUncertainty;
import io.firstwall.uncertainty.Uncertainty;

/** The analysis, what-if, scenario and compare pages as a web slice over the real rules. */
@WebMvcTest(WhatIfController.class)
@Import({SecurityConfiguration.class, FixedClock.class, FactorLabels.class})
class WhatIfControllerTests {


    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void analystWithCsrf() {
        mvc = WebTestSupport.analystInBrowser(context);
    }

    @MockitoBean
    PlanStore plans;

    @MockitoBean
    ScenarioStore scenarios;

    @MockitoBean
    LiveAnalysis live;

    @MockitoBean
    LiveUncertainty uncertainty;

    @MockitoBean
    LiveSeek seek;

    static String memphis() throws Exception {
        return Files.readString(Path.of("data/plans/memphis-onsite-gas-1gw.json"));
    }

    @BeforeEach
    void realAnalyzer() throws Exception {
        WebTestSupport.realAnalyzer(live);
        WebTestSupport.realUncertainty(uncertainty);
        WebTestSupport.realSeek(seek);
        when(plans.get(1L)).thenReturn(new SavedPlan(1, "1 GW on-site gas campus", memphis(), Instant.EPOCH));
        when(plans.get(404L)).thenThrow(new NotFoundException("plan", 404));
        when(scenarios.get(1L, 9L)).thenThrow(new NotFoundException("scenario", 9));
    }

    static MockHttpServletRequestBuilder memphisForm(MockHttpServletRequestBuilder request) {
        return request.param("name", "1 GW on-site gas campus").param("location", "US-TN").param("power", "ONSITE_GAS")
                .param("accelerator", "GB300").param("decisionDate", "2026-01-15")
                .param("phases[0].online", "2026-12-31").param("phases[0].accelerators", "110000")
                .param("phases[1].online", "2027-06-30").param("phases[1].accelerators", "330000")
                .param("attributes[0].key", "turbineSlotReserved").param("attributes[0].value", "true")
                .param("attributes[1].key", "turbineSlotMW").param("attributes[1].value", "1720");
    }

    @Test
    void theAnalysisPageHasTheHeadlineChartWallsAndCascade() throws Exception {
        mvc.perform(get("/plans/1")).andExpect(status().isOk()).andExpect(view().name("plans/analysis"))
                .andExpect(header().string("Server-Timing", containsString("analysis;dur=")))
                .andExpect(content().string(containsString("Full capacity Jul 2031: 49 months late.")))
                // Phase 1 (Dec 2026) waits for the same turbines as phase 2: it is later against its own target.
                .andExpect(content().string(containsString("Worst phase: phase 1, 52 months late.")))
                .andExpect(content().string(containsString("First wall: on-site generation, binding Dec 2026 (phase 1).")))
                .andExpect(content().string(containsString("How sure: the on-site generation wall comes first in 98% of 1,000 samples")))
                .andExpect(content().string(containsString("<svg")))
                .andExpect(content().string(containsString("first wall: on-site generation")))
                .andExpect(content().string(containsString("then permits")))
                .andExpect(content().string(containsString("casting foundries")));
    }

    /** Every wall on its own row, in cascade order, from the decision to the date it clears; also as a file. */
    @Test
    void theAnalysisPageShowsEveryWallOnItsOwnRow() throws Exception {
        String page = mvc.perform(get("/plans/1")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        Assertions.assertThat(page).contains("id=\"walls-chart\"");
        String chart = page.substring(page.indexOf("id=\"walls-chart\""), page.indexOf("</svg>", page.indexOf("id=\"walls-chart\"")));
        Assertions.assertThat(chart.indexOf("data-factor=\"TURBINE_SUPPLY\"")).isLessThan(chart.indexOf("data-factor=\"PERMITS\""))
                .isPositive();
        Assertions.assertThat(chart).contains("on-site generation").contains("clears Jul 2031").contains(">P1<").contains(">P2<")
                .contains("today").doesNotContain("<style>");
        mvc.perform(get("/plans/1/walls.svg")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("image/svg+xml")))
                .andExpect(header().string("Content-Disposition", containsString("1-gw-on-site-gas-campus-walls.svg")))
                .andExpect(content().string(containsString("<style>")))
                .andExpect(content().string(containsString("xmlns=\"http://www.w3.org/2000/svg\"")));
    }

    /** What would it take: the options in words with their dates, odds and costs, each a link to its what-if. */
    @Test
    void theAnalysisPageSaysWhatWouldItTakeAndWhichLeversMoveEachWall() throws Exception {
        String page = mvc.perform(get("/plans/1")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Assertions.assertThat(page).contains("What would it take?").contains("id=\"seek\"")
                .contains("Levers that move it").containsPattern("P\\(on time\\) \\d+%")
                .containsPattern("Cost: \\$[0-9.]+ [kMB]").containsPattern("Full capacity [A-Z][a-z]{2} \\d{4}");
        io.firstwall.seek.SeekResult r = seek.seek(live.planReader().read(memphis()), new io.firstwall.seek.SeekRequest(0, 200,
                io.firstwall.uncertainty.MonteCarlo.DEFAULT_SEED, java.util.Set.of(), 3, 5));
        Assertions.assertThat(r.options()).isNotEmpty();
        for (io.firstwall.seek.Option o : r.options()) {
            Assertions.assertThat(page).contains(org.springframework.web.util.HtmlUtils.htmlEscape(o.words()))
                    .contains("data-keys=\"" + String.join(",", o.keys()) + "\"");
        }
        // The first option's link, followed as a browser would, opens its changed plan as a what-if.
        java.util.regex.Matcher href = java.util.regex.Pattern.compile("href=\"(/plans/1/whatif\\?change=[^\"]+)\"").matcher(page);
        Assertions.assertThat(href.find()).isTrue();
        String url = org.springframework.web.util.HtmlUtils.htmlUnescape(href.group(1));
        String opened = mvc.perform(get(java.net.URI.create(url))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        Assertions.assertThat(opened).contains(org.springframework.web.util.HtmlUtils.htmlEscape(
                "Opened from \"What would it take?\": " + r.options().get(0).words()));
    }

    /** An option's link opens the what-if with the changed plan in the form, said as such; a bad link says why. */
    @Test
    void anOptionsLinkOpensTheWhatIfWithTheChangedPlan() throws Exception {
        mvc.perform(get("/plans/1/whatif").param("change", "onsite.mobile_turbines:MOBILE_TURBINE")
                .param("change", "targets.later:+24")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Opened from &quot;What would it take?&quot;: Trailer turbines instead of"
                        + " frames and move every target 24 months later.")))
                .andExpect(content().string(containsString("value=\"2028-12-31\"")))
                .andExpect(content().string(containsString("value=\"MOBILE_TURBINE\"")))
                .andExpect(model().attributeExists("scenario"));
        mvc.perform(get("/plans/1/whatif").param("change", "site.teleport:yes")).andExpect(status().isOk())
                .andExpect(content().string(containsString("could not be opened (&#39;site.teleport:yes&#39; names no lever")))
                .andExpect(content().string(containsString("value=\"2026-12-31\"")));
    }

    @Test
    void theAnalysisPageSaysHowSure() throws Exception {
        mvc.perform(get("/plans/1")).andExpect(status().isOk())
                .andExpect(model().attributeExists("u", "cdf", "tornado"))
                .andExpect(content().string(containsString("id=\"odds-bars\"")))
                .andExpect(content().string(containsString("data-factor=\"TURBINE_SUPPLY\"")))
                .andExpect(content().string(containsString("id=\"full-capacity-chart\"")))
                .andExpect(content().string(containsString("target 2027-06-30")))
                .andExpect(content().string(containsString("id=\"tornado\"")))
                .andExpect(content().string(containsString("href=\"/facts#fact-turbine.install_months\"")))
                .andDo(result -> {
                    Uncertainty u = (Uncertainty) result.getModelAndView().getModel().get("u");
                    Assertions.assertThat(u.samples()).isEqualTo(1000);
                    Assertions.assertThat(u.firstWallProbability()).containsKey("TURBINE_SUPPLY");
                    Assertions.assertThat(u.sensitivity().get(0).fact()).isEqualTo("turbine.heavy_duty.lead_months@2025-11-01");
                });
    }

    @Test
    void whatIfShowsTheBaseAndTheWhatIfOddsSideBySide() throws Exception {
        mvc.perform(memphisForm(post("/plans/1/whatif")).param("o:turbine.heavy_duty.next_slot_year", "2025"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"odds-table\"")))
                .andDo(result -> {
                    OddsTable t = (OddsTable) result.getModelAndView().getModel().get("oddsTable");
                    Assertions.assertThat(t.columns()).containsExactly("Base", "What-if");
                    OddsTable.Row turbine = t.rows().stream().filter(r -> "TURBINE_SUPPLY".equals(r.factor()))
                            .findFirst().orElseThrow();
                    Assertions.assertThat(turbine.cells().get(0)).isEqualTo("98%");
                    Assertions.assertThat(turbine.changed()).containsExactly(false, true);
                });
    }

    @Test
    void aMissingPlanIsAFriendly404() throws Exception {
        mvc.perform(get("/plans/404")).andExpect(status().isNotFound()).andExpect(view().name("error"))
                .andExpect(content().string(containsString("There is no plan with id 404.")))
                .andExpect(content().string(not(containsString("Exception"))));
        mvc.perform(get("/plans/404/whatif")).andExpect(status().isNotFound());
        mvc.perform(get("/plans/1/whatif").param("from", "9")).andExpect(status().isNotFound());
    }

    @Test
    void whatIfStartsFromTheBasePlan() throws Exception {
        mvc.perform(get("/plans/1/whatif")).andExpect(status().isOk()).andExpect(view().name("plans/whatif"))
                .andExpect(model().attributeExists("base", "scenario", "comparison"))
                .andExpect(content().string(containsString("name=\"o:turbine.heavy_duty.next_slot_year\"")))
                .andDo(result -> {
                    // The facts this plan uses come first; the others are folded below.
                    @SuppressWarnings("unchecked")
                    List<Fact> used = (List<Fact>) result.getModelAndView().getModel().get("facts");
                    @SuppressWarnings("unchecked")
                    List<Fact> other = (List<Fact>) result.getModelAndView().getModel().get("otherFacts");
                    Assertions.assertThat(used).extracting(Fact::id).contains("turbine.install_months")
                            .doesNotContain("launch.payload_t");
                    Assertions.assertThat(other).extracting(Fact::id).contains("launch.payload_t");
                })
                .andExpect(content().string(containsString("other facts, which this plan")));
    }

    @Test
    void aFactOverrideChangesTheFirstWallAndTheChangeIsHighlighted() throws Exception {
        mvc.perform(memphisForm(post("/plans/1/whatif")).param("o:turbine.heavy_duty.next_slot_year", "2025"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"changed\"")))
                .andDo(result -> {
                    Comparison c = (Comparison) result.getModelAndView().getModel().get("comparison");
                    Comparison.Row first = c.rows().get(0);
                    Assertions.assertThat(first.label()).isEqualTo("First wall");
                    Assertions.assertThat(first.cells()).containsExactly("on-site generation", "construction");
                    Assertions.assertThat(first.changed()).containsExactly(false, true);
                    Comparison.Row late = c.rows().stream().filter(r -> r.label().startsWith("Delay at full capacity"))
                            .findFirst().orElseThrow();
                    Assertions.assertThat(late.cells().get(1)).matches("\\d+ \\([+\u2212]\\d+\\)");
                    Assertions.assertThat(late.tones()).containsExactly("", late.cells().get(1).contains("\u2212") ? "better"
                            : "worse");
                    // The delta chip says the same change in words, and the swimlane draws the base in the same lanes.
                    Headline.Change change = (Headline.Change) result.getModelAndView().getModel().get("change");
                    String delta = late.cells().get(1).replaceAll(".*\\(([+\u2212]\\d+)\\)", "$1");
                    Assertions.assertThat(change.text()).startsWith(delta + " month").endsWith("against the base");
                    Assertions.assertThat(change.tone()).isEqualTo(delta.startsWith("\u2212") ? "good" : "bad");
                    String chart = (String) result.getModelAndView().getModel().get("wallsChart");
                    Assertions.assertThat(chart).contains("base plan; filled: what-if")
                            .contains("data-factor=\"TURBINE_SUPPLY\"").contains("class=\"base-wall\"");
                })
                .andExpect(content().string(containsString("id=\"delta-chip\"")))
                .andExpect(content().string(not(containsString("/plans/1/walls.svg"))));
    }

    @Test
    void aPermalinkBringsTheOverridesBack() throws Exception {
        mvc.perform(memphisForm(post("/plans/1/whatif")).param("o:turbine.heavy_duty.next_slot_year", "2025"))
                .andExpect(content().string(containsString("href=\"/plans/1/whatif?o:turbine.heavy_duty.next_slot_year=2025\"")));
        mvc.perform(get("/plans/1/whatif").param("o:turbine.heavy_duty.lead_months", "24")).andExpect(status().isOk())
                .andExpect(model().attribute("overrides", Map.of("turbine.heavy_duty.lead_months", "24")))
                .andDo(result -> {
                    // The saved plan is unreserved: with the casting backlog over in 2026, turbines come sooner.
                    Comparison c = (Comparison) result.getModelAndView().getModel().get("comparison");
                    Comparison.Row late = c.rows().stream().filter(r -> r.label().startsWith("Delay at full capacity"))
                            .findFirst().orElseThrow();
                    Assertions.assertThat(late.changed()).containsExactly(false, true);
                });
        mvc.perform(get("/plans/1/whatif").param("o:pue.ai_site", "lots")).andExpect(status().isOk())
                .andExpect(model().attributeDoesNotExist("scenario"))
                .andExpect(content().string(containsString("\u201clots\u201d is not a number.")));
    }

    @Test
    void theResultFragmentIsJustTheResults() throws Exception {
        mvc.perform(memphisForm(post("/plans/1/whatif/result")).param("o:turbine.heavy_duty.next_slot_year", "2025"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"results\"")))
                .andExpect(content().string(not(containsString("<nav"))));
    }

    @Test
    void aBadOverrideIsShownNextToItsFact() throws Exception {
        mvc.perform(memphisForm(post("/plans/1/whatif")).param("o:pue.ai_site", "lots"))
                .andExpect(status().isOk()).andExpect(model().attributeDoesNotExist("scenario"))
                .andExpect(content().string(containsString("\u201clots\u201d is not a number.")));
    }

    /** A series the answers read is offered as a whole (id@*), beside its points; scaling it moves every point. */
    @Test
    void aWholeSeriesIsScaledFromTheForm() throws Exception {
        mvc.perform(get("/plans/1/whatif")).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"o:chip.cowos_wafers_per_month@*\"")))
                .andExpect(content().string(containsString("name=\"o:chip.cowos_wafers_per_month@2027-01-01\"")));
        mvc.perform(memphisForm(post("/plans/1/whatif")).param("o:chip.cowos_wafers_per_month@*", "0.1"))
                .andExpect(status().isOk()).andExpect(model().attributeExists("scenario"))
                .andExpect(content().string(containsString("11,000 wafers a month in Jan 2027")));
        mvc.perform(memphisForm(post("/plans/1/whatif")).param("o:chip.buyer_share@*", "0.5"))
                .andExpect(status().isOk()).andExpect(model().attributeDoesNotExist("scenario"))
                .andExpect(content().string(containsString("chip.buyer_share is not a series with points, so it cannot be scaled.")));
    }

    @Test
    void aScenarioNeedsANameAndIsNotSavedWithout() throws Exception {
        mvc.perform(memphisForm(post("/plans/1/scenarios")).param("scenarioName", " "))
                .andExpect(status().isOk()).andExpect(view().name("plans/whatif"))
                .andExpect(content().string(containsString("Give the scenario a name")));
        verify(scenarios, never()).create(eq(1L), anyString(), any(), anyMap());
    }

    @Test
    void savingAScenarioStaysOnIt() throws Exception {
        when(scenarios.create(eq(1L), eq("Early slots"), any(), anyMap())).thenReturn(5L);
        mvc.perform(memphisForm(post("/plans/1/scenarios")).param("scenarioName", "Early slots")
                        .param("o:turbine.heavy_duty.next_slot_year", "2025"))
                .andExpect(redirectedUrl("/plans/1/whatif?from=5"))
                .andExpect(flash().attribute("message", containsString("Early slots")));
        verify(scenarios).create(eq(1L), eq("Early slots"), any(), eq(Map.of("turbine.heavy_duty.next_slot_year", 2025.0)));
    }

    @Test
    void comparingNeedsOneToFourScenarios() throws Exception {
        mvc.perform(get("/plans/1/compare")).andExpect(redirectedUrl("/plans/1/scenarios"))
                .andExpect(flash().attribute("error", containsString("Tick one to four scenarios")));
        mvc.perform(get("/plans/1/compare").param("s", "1", "2", "3", "4", "5")).andExpect(redirectedUrl("/plans/1/scenarios"));
    }

    @Test
    void aComparisonHasADelayChartAndDownloadsAsCsv() throws Exception {
        when(scenarios.get(1L, 1L)).thenReturn(new Scenario(1, 1, "Backlog over", memphis(),
                Map.of("turbine.heavy_duty.lead_months", 24.0), Instant.EPOCH));
        mvc.perform(get("/plans/1/compare").param("s", "1")).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"delay-chart\"")))
                .andExpect(content().string(containsString("49 months")))
                .andExpect(content().string(containsString("href=\"/plans/1/compare.csv?s=1\"")));
        mvc.perform(get("/plans/1/compare.csv").param("s", "1")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(header().string("Content-Disposition", containsString("1-gw-on-site-gas-campus-comparison.csv")))
                .andExpect(content().string(containsString(",Base plan,Backlog over")))
                .andExpect(content().string(containsString("First wall,on-site generation,")));
    }

    /** A user whose what-if odds are still drawing gets the comparison at once, with a note, never a 429 page. */
    @Test
    void aComparisonAnswersWhileTheUsersOtherOddsAreStillDrawing() throws Exception {
        when(scenarios.get(1L, 1L)).thenReturn(new Scenario(1, 1, "Early slots", memphis(),
                Map.of("turbine.heavy_duty.next_slot_year", 2025.0), Instant.EPOCH));
        doThrow(new TooBusyException("You already have 1 sampled analysis running, the most one user may run at a time;"
                + " try again when it ends.", 5)).when(uncertainty).uncertainty(any(), anyMap(), anyInt(), anyLong());
        mvc.perform(get("/plans/1/compare").param("s", "1")).andExpect(status().isOk())
                .andExpect(view().name("plans/compare"))
                .andExpect(content().string(containsString("id=\"comparison\"")))
                .andExpect(content().string(containsString("id=\"odds-busy\"")))
                .andExpect(content().string(containsString("How sure: not drawn this time")))
                .andExpect(content().string(not(containsString("id=\"odds-table\""))));
    }

    @Test
    void oneScenarioComparesWithTheBase() throws Exception {
        when(scenarios.get(1L, 1L)).thenReturn(new Scenario(1, 1, "Early slots", memphis(),
                Map.of("turbine.heavy_duty.next_slot_year", 2025.0), Instant.EPOCH));
        mvc.perform(get("/plans/1/compare").param("s", "1")).andExpect(status().isOk())
                .andExpect(view().name("plans/compare"))
                .andDo(result -> Assertions.assertThat(((Comparison) result.getModelAndView().getModel().get("comparison"))
                        .columns()).containsExactly("Base plan", "Early slots"));
    }

    @Test
    void aComparisonShowsTheBaseThenEachScenario() throws Exception {
        when(scenarios.get(1L, 1L)).thenReturn(new Scenario(1, 1, "Early slots", memphis(),
                Map.of("turbine.heavy_duty.next_slot_year", 2025.0), Instant.EPOCH));
        when(scenarios.get(1L, 2L)).thenReturn(new Scenario(2, 1, "No change", memphis(), Map.of(), Instant.EPOCH));
        when(scenarios.list(1L)).thenReturn(List.of());
        mvc.perform(get("/plans/1/compare").param("s", "1", "2")).andExpect(status().isOk())
                .andExpect(view().name("plans/compare"))
                .andExpect(content().string(containsString("Early slots")))
                .andExpect(content().string(containsString("turbine.heavy_duty.next_slot_year = 2025 (fact base: 2029)")))
                .andExpect(content().string(containsString("no change from the base plan")))
                .andExpect(content().string(containsString("id=\"odds-table\"")))
                .andDo(result -> {
                    OddsTable t = (OddsTable) result.getModelAndView().getModel().get("oddsTable");
                    Assertions.assertThat(t.columns()).containsExactly("Base plan", "Early slots", "No change");
                    OddsTable.Row turbine = t.rows().stream().filter(r -> "TURBINE_SUPPLY".equals(r.factor()))
                            .findFirst().orElseThrow();
                    // Unreserved, the casting backlog holds the turbines whatever the slot year: the odds agree.
                    Assertions.assertThat(turbine.cells()).containsExactly("98%", "98%", "98%");
                    Assertions.assertThat(turbine.changed()).containsExactly(false, false, false);
                    Assertions.assertThat(t.rows()).extracting(OddsTable.Row::labelKey)
                            .contains("odds.pFeasible", "odds.delayRange", "odds.full");
                });
    }
}
