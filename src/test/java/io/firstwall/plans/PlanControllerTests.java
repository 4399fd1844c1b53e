package io.firstwall.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

import io.firstwall.analysis.LiveAnalysis;
import io.firstwall.security.SecurityConfiguration;
import io.firstwall.system.FixedClock;
import io.firstwall.system.NotFoundException;
import io.firstwall.system.WebTestSupport;

/** The plan pages as a web slice: the store is mocked, the analyzer runs the real rules. */
@WebMvcTest(PlanController.class)
@Import({FixedClock.class, SecurityConfiguration.class})
class PlanControllerTests {


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
    LiveAnalysis live;

    static final String MEMPHIS = read("data/plans/memphis-onsite-gas-1gw.json");

    static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void realAnalyzer() {
        WebTestSupport.realAnalyzer(live);
        when(plans.get(1L)).thenReturn(new SavedPlan(1, "1 GW on-site gas campus", MEMPHIS, Instant.EPOCH));
        when(plans.get(999L)).thenThrow(new NotFoundException("plan", 999));
    }

    @Test
    void theListShowsEachPlansFirstWall() throws Exception {
        when(plans.list()).thenReturn(List.of(new SavedPlan(1, "1 GW on-site gas campus", MEMPHIS, Instant.EPOCH)));
        mvc.perform(get("/plans")).andExpect(status().isOk()).andExpect(view().name("plans/list"))
                .andExpect(content().string(containsString("wall-TURBINE_SUPPLY")))
                .andExpect(content().string(containsString("Dec 2026")))
                .andExpect(content().string(containsString("49 mo")));
    }

    /** The portfolio: sorted by any column, filtered by wall and location, with soon and past-due flags. */
    @Test
    void thePortfolioSortsFiltersAndFlags() throws Exception {
        String nova = Files.readString(Path.of("data/plans/nova-grid-1gw.json"));
        String h100 = Files.readString(Path.of("data/plans/h100-expansion-feasible.json"));
        when(plans.list()).thenReturn(List.of(new SavedPlan(1, "1 GW on-site gas campus", MEMPHIS, Instant.EPOCH),
                new SavedPlan(2, "1 GW grid-tied campus in Northern Virginia", nova, Instant.EPOCH),
                new SavedPlan(3, "Modest H100 expansion", h100, Instant.EPOCH)));
        mvc.perform(get("/plans").param("sort", "delay").param("dir", "desc")).andExpect(status().isOk())
                .andDo(result -> {
                    @SuppressWarnings("unchecked")
                    List<PlanController.Row> rows = (List<PlanController.Row>) result.getModelAndView().getModel()
                            .get("rows");
                    assertThat(rows).extracting(r -> r.saved().id()).containsExactly(2L, 1L, 3L);
                    assertThat(rows).extracting(PlanController.Row::soon).containsExactly(false, true, false);
                })
                .andExpect(content().string(containsString("aria-sort=\"descending\"")))
                .andExpect(content().string(containsString("within 6 months")))
                .andExpect(content().string(not(containsString(">null<"))));
        mvc.perform(get("/plans").param("wall", "TURBINE_SUPPLY")).andExpect(status().isOk())
                .andExpect(content().string(containsString("1 GW on-site gas campus")))
                .andExpect(content().string(not(containsString("Northern Virginia</a>"))));
        mvc.perform(get("/plans").param("location", "US-VA")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Northern Virginia</a>")))
                .andExpect(content().string(not(containsString("on-site gas campus</a>"))));
    }

    @Test
    void theHomePageRedirectsToThePlans() throws Exception {
        mvc.perform(get("/")).andExpect(redirectedUrl("/plans"));
    }

    @Nested
    class TheForm {

        @Test
        void aNewPlanStartsWithOnePhaseAndTodaysDate() throws Exception {
            mvc.perform(get("/plans/new")).andExpect(status().isOk()).andExpect(view().name("plans/form"))
                    .andExpect(content().string(containsString("value=\"2026-11-28\"")))
                    .andExpect(content().string(containsString("name=\"phases[0].online\"")));
        }

        /** Every declared attribute is a typed control: a box, a number with its unit, a choice. */
        @Test
        void theLeversAreTypedControls() throws Exception {
            mvc.perform(get("/plans/1/edit")).andExpect(status().isOk())
                    .andDo(result -> {
                        Document page = Jsoup.parse(result.getResponse().getContentAsString());
                        var reserved = page.selectFirst("[data-attribute=turbineSlotReserved] input[type=checkbox]");
                        assertThat(reserved).isNotNull();
                        assertThat(reserved.attr("name")).isEqualTo("attributes[0].value");
                        assertThat(reserved.hasAttr("checked")).isFalse();
                        var type = page.selectFirst("[data-attribute=turbineType] select");
                        assertThat(type.select("option").eachAttr("value")).containsExactly("", "HEAVY_DUTY", "AERODERIVATIVE", "GAS_ENGINE",
                                "MOBILE_TURBINE", "FUEL_CELL");
                        var power = page.selectFirst("[data-attribute=existingPowerMW]");
                        assertThat(power.selectFirst("input[type=number]").attr("max")).isEqualTo("100000.0");
                        assertThat(power.selectFirst(".unit").text()).isEqualTo("MW");
                        assertThat(power.selectFirst("label").text()).isEqualTo("Grid power already at the site");
                        assertThat(page.select("[data-attribute] input[type=hidden]").eachAttr("value"))
                                .startsWith("turbineSlotReserved", "turbineSlotYear", "turbineSlotMW", "turbineType");
                    });
        }

        /** A ticked box saves true, an unticked one and an empty number are not set, a bad number lands on its row. */
        @Test
        void typedLeversSaveTypedValues() throws Exception {
            when(plans.create(any())).thenReturn(7L);
            var ok = post("/plans").param("name", "x").param("location", "US-TN").param("power", "ONSITE_GAS")
                    .param("accelerator", "GB300").param("decisionDate", "2026-01-15")
                    .param("phases[0].online", "2027-01-01").param("phases[0].accelerators", "10")
                    .param("attributes[0].key", "turbineSlotReserved").param("attributes[0].value", "true")
                    .param("attributes[1].key", "turbineSlotYear").param("attributes[1].value", "")
                    .param("attributes[2].key", "hbmAllocationSecured")
                    .param("attributes[3].key", "turbineSlotMW").param("attributes[3].value", "40");
            mvc.perform(ok).andExpect(redirectedUrl("/plans/7"));
            verify(plans).create(ArgumentMatchers.argThat(p -> p.attributes().size() == 2
                    && Boolean.TRUE.equals(p.attributes().get("turbineSlotReserved"))
                    && p.attributes().get("turbineSlotMW") instanceof Number mw && mw.doubleValue() == 40));
            mvc.perform(post("/plans").param("name", "x").param("location", "US-TN").param("power", "ONSITE_GAS")
                            .param("accelerator", "GB300").param("decisionDate", "2026-01-15")
                            .param("phases[0].online", "2027-01-01").param("phases[0].accelerators", "10")
                            .param("attributes[0].key", "turbineSlotReserved").param("attributes[0].value", "true"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("is required with turbineSlotReserved")));
            mvc.perform(post("/plans").param("name", "x").param("location", "US-TN").param("power", "ONSITE_GAS")
                            .param("accelerator", "GB300").param("decisionDate", "2026-01-15")
                            .param("phases[0].online", "2027-01-01").param("phases[0].accelerators", "10")
                            .param("attributes[0].key", "turbineSlotReserved").param("attributes[0].value", "true")
                            .param("attributes[1].key", "turbineSlotYear").param("attributes[1].value", "2050")
                            .param("attributes[2].key", "turbineSlotMW").param("attributes[2].value", "40"))
                    .andExpect(status().isOk())
                    .andExpect(model().attributeHasFieldErrors("form", "attributes[1].key"))
                    .andExpect(content().string(containsString("must be between 2024 and 2045 year, not 2050")));
        }

        @Test
        void missingFieldsAreShownNextToTheirFields() throws Exception {
            mvc.perform(post("/plans").param("name", "").param("location", "").param("accelerator", "GB300")
                            .param("decisionDate", "2026-01-15"))
                    .andExpect(status().isOk()).andExpect(view().name("plans/form"))
                    .andExpect(model().attributeHasFieldErrors("form", "name", "location", "power", "phases"))
                    .andExpect(content().string(containsString("Give the plan a name.")))
                    .andExpect(content().string(containsString("Choose how the plan is powered.")));
            verify(plans, never()).create(any());
        }

        @Test
        void aWronglyTypedValueGetsAPlainMessage() throws Exception {
            mvc.perform(post("/plans").param("name", "x").param("location", "US-TN").param("power", "GRID")
                            .param("accelerator", "GB300").param("decisionDate", "next week")
                            .param("phases[0].online", "2027-01-01").param("phases[0].accelerators", "many"))
                    .andExpect(status().isOk())
                    .andExpect(model().attributeHasFieldErrors("form", "decisionDate", "phases[0].accelerators"))
                    .andExpect(content().string(containsString("Give a date such as 2027-06-30.")))
                    .andExpect(content().string(containsString("value=\"many\"")))
                    .andExpect(content().string(containsString("as a whole number")));
        }

        @Test
        void aMistypedAttributeIsRefusedWithTheNameItMeant() throws Exception {
            mvc.perform(post("/plans").param("name", "x").param("location", "US-TN").param("power", "ONSITE_GAS")
                            .param("accelerator", "GB300").param("decisionDate", "2026-01-15")
                            .param("phases[0].online", "2027-01-01").param("phases[0].accelerators", "10")
                            .param("attributes[0].key", "turbineSlotReserverd").param("attributes[0].value", "true"))
                    .andExpect(status().isOk())
                    .andExpect(model().attributeHasFieldErrors("form", "attributes[0].key"))
                    .andExpect(content().string(containsString("did you mean turbineSlotReserved?")));
            verify(plans, never()).create(any());
        }

        @Test
        void theAnalyzersChecksLandOnTheirFields() throws Exception {
            mvc.perform(post("/plans").param("name", "x").param("location", "LEO").param("power", "GRID")
                            .param("accelerator", "GB300").param("decisionDate", "2026-01-15")
                            .param("phases[0].online", "2025-01-01").param("phases[0].accelerators", "10"))
                    .andExpect(status().isOk())
                    .andExpect(model().attributeHasFieldErrors("form", "power", "phases[0].online"))
                    .andExpect(content().string(containsString("must be after decisionDate 2026-01-15")));
        }

        @Test
        void aValidPlanIsSavedAndTheAnalysisShown() throws Exception {
            when(plans.create(any())).thenReturn(7L);
            mvc.perform(post("/plans").param("name", "New campus").param("location", "US-TX").param("power", "GRID")
                            .param("accelerator", "GB300").param("decisionDate", "2026-01-15")
                            .param("phases[0].online", "2028-01-01").param("phases[0].accelerators", "1000")
                            .param("attributes[0].key", "hbmAllocationSecured").param("attributes[0].value", "true")
                            .param("attributes[1].key", "").param("attributes[1].value", ""))
                    .andExpect(redirectedUrl("/plans/7"))
                    .andExpect(flash().attribute("message", containsString("New campus")));
            verify(plans).create(ArgumentMatchers.argThat(p -> p.flag("hbmAllocationSecured")
                    && p.attributes().size() == 1 && p.phases().size() == 1));
        }

        @Test
        void editingAMissingPlanIsA404Page() throws Exception {
            mvc.perform(get("/plans/999/edit")).andExpect(status().isNotFound()).andExpect(view().name("error"))
                    .andExpect(content().string(containsString("There is no plan with id 999.")));
        }

        @Test
        void anUpdateRedirectsToTheAnalysis() throws Exception {
            mvc.perform(post("/plans/1").param("name", "Renamed").param("location", "US-TN").param("power", "ONSITE_GAS")
                            .param("accelerator", "GB300").param("decisionDate", "2026-01-15")
                            .param("phases[0].online", "2027-06-30").param("phases[0].accelerators", "330000"))
                    .andExpect(redirectedUrl("/plans/1"));
            verify(plans).update(ArgumentMatchers.eq(1L), any());
        }
    }

    @Nested
    class ImportExportDuplicateDelete {

        @Test
        void anInvalidImportNamesItsFieldsAndSavesNothing() throws Exception {
            MockMultipartFile file = new MockMultipartFile("file", "bad.json", "application/json",
                    MEMPHIS.replace("\"US-TN\"", "\"ATLANTIS\"").getBytes());
            mvc.perform(multipart("/plans/import").file(file)).andExpect(redirectedUrl("/plans"))
                    .andExpect(flash().attribute("error", containsString("bad.json is not a valid plan")))
                    .andExpect(flash().attributeExists("problems"));
            verify(plans, never()).create(any());
        }

        @Test
        void aValidImportIsSaved() throws Exception {
            when(plans.create(any())).thenReturn(3L);
            mvc.perform(multipart("/plans/import").file(new MockMultipartFile("file", "m.json", "application/json",
                    MEMPHIS.getBytes()))).andExpect(redirectedUrl("/plans/3"));
        }

        @Test
        void anEmptyImportIsExplained() throws Exception {
            mvc.perform(multipart("/plans/import").file(new MockMultipartFile("file", "", "application/json", new byte[0])))
                    .andExpect(redirectedUrl("/plans")).andExpect(flash().attribute("error", "Choose a plan JSON file to import."));
        }

        @Test
        void exportIsAJsonAttachmentInTheV1Format() throws Exception {
            mvc.perform(get("/plans/1/export")).andExpect(status().isOk())
                    .andExpect(header().string("Content-Disposition", containsString("1-gw-on-site-gas-campus.json")))
                    .andExpect(content().string(containsString("\"decisionDate\" : \"2026-01-15\"")));
        }

        @Test
        void duplicateOpensTheCopyForEditing() throws Exception {
            when(plans.create(any())).thenReturn(8L);
            mvc.perform(post("/plans/1/duplicate")).andExpect(redirectedUrl("/plans/8/edit"));
            verify(plans).create(ArgumentMatchers.argThat(p -> p.name().equals("Copy of 1 GW on-site gas campus")));
        }

        @Test
        void deleteRedirectsToTheList() throws Exception {
            mvc.perform(post("/plans/1/delete")).andExpect(redirectedUrl("/plans"))
                    .andExpect(flash().attribute("message", containsString("deleted")));
            verify(plans).delete(1L);
        }

        @Test
        void deletingAMissingPlanIsA404() throws Exception {
            mvc.perform(post("/plans/999/delete")).andExpect(status().isNotFound());
        }
    }

    static Map<String, Double> none() {
        return Map.of();
    }
}
