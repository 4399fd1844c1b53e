package io.firstwall.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import io.firstwall.editing.FactEditingService;
import io.firstwall.system.LiveAnalyzer;
import io.firstwall.system.WebTestSupport;

/** The REST endpoint over the real rules, the real facts loaded into H2. */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AnalysisApiTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    LiveAnalyzer live;

    @Autowired
    FactEditingService factEditing;

    MockMvc mvc;

    @BeforeEach
    void analystOverHttpBasic() {
        mvc = WebTestSupport.analystOverHttpBasic(context);
    }

    @Test
    void analyzesAPlan() throws Exception {
        mvc.perform(post("/api/analyses").contentType(MediaType.APPLICATION_JSON)
                        .content(Files.readString(Path.of("data/plans/memphis-onsite-gas-1gw.json"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.plan.name").value("1 GW on-site gas campus"))
                .andExpect(jsonPath("$.firstWall.factor").value("TURBINE_SUPPLY"))
                .andExpect(jsonPath("$.firstWall.bindsOn").value("2026-12-31"))
                .andExpect(jsonPath("$.firstWall.slipMonths").value(49))
                .andExpect(jsonPath("$.firstWall.phaseDelays[1].phase").value(2))
                .andExpect(jsonPath("$.firstWall.phaseDelays[1].online").value("2027-06-30"))
                .andExpect(jsonPath("$.firstWall.phaseDelays[1].delayMonths").value(49))
                .andExpect(jsonPath("$.firstWall.maxDelayMonths").isNumber())
                .andExpect(jsonPath("$.scheduleWall.factor").value("TURBINE_SUPPLY"))
                .andExpect(jsonPath("$.cascade[1]").value("CONSTRUCTION"))
                .andExpect(jsonPath("$.cascade[2]").value("ELECTRICAL_EQUIPMENT"))
                .andExpect(jsonPath("$.demand[1].generationMw").isNumber())
                .andExpect(jsonPath("$.walls[0].ruleIds[0]").value("TURB-001"))
                .andExpect(jsonPath("$.facts[0].source").isNotEmpty())
                .andExpect(jsonPath("$.feasible").value(false))
                .andExpect(jsonPath("$.ruleSetVersion").value(live.analyzer().rules().version()))
                .andExpect(jsonPath("$.factBaseVersion").value(factEditing.liveVersion()));
    }

    @Test
    void withSamplesTheAnswerSaysHowSureAndTheSameSeedGivesTheSameNumbers() throws Exception {
        String plan = Files.readString(Path.of("data/plans/southaven-gas-equipment-secured.json"));
        String first = mvc.perform(post("/api/analyses").param("samples", "300").param("seed", "5")
                        .contentType(MediaType.APPLICATION_JSON).content(plan))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.firstWall.factor").value("PERMITS"))
                .andExpect(jsonPath("$.uncertainty.samples").value(300))
                .andExpect(jsonPath("$.uncertainty.seed").value(5))
                .andExpect(jsonPath("$.uncertainty.firstWallProbability.PERMITS").value(Matchers.lessThan(0.97)))
                .andExpect(jsonPath("$.uncertainty.firstWallProbability.TURBINE_SUPPLY").isNumber())
                .andExpect(jsonPath("$.uncertainty.feasibleProbability").isNumber())
                .andExpect(jsonPath("$.uncertainty.interval95.feasible.low").isNumber())
                .andExpect(jsonPath("$.uncertainty.delayMonths.p90").isNumber())
                .andExpect(jsonPath("$.uncertainty.fullCapacityOn.p50").isString())
                .andExpect(jsonPath("$.uncertainty.sensitivity[0].fact").isString())
                .andExpect(jsonPath("$.uncertainty.sensitivity[?(@.fact == 'chip.buyer_share')].flipsFirstWall").value(Matchers.contains(true)))
                .andReturn().getResponse().getContentAsString();
        String again = mvc.perform(post("/api/analyses").param("samples", "300").param("seed", "5")
                        .contentType(MediaType.APPLICATION_JSON).content(plan))
                .andReturn().getResponse().getContentAsString();
        Assertions.assertThat(again).isEqualTo(first);
        mvc.perform(post("/api/analyses").contentType(MediaType.APPLICATION_JSON).content(plan))
                .andExpect(jsonPath("$.uncertainty").doesNotExist());
        mvc.perform(post("/api/analyses").param("samples", "-3").contentType(MediaType.APPLICATION_JSON).content(plan))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("samples must be between 1 and 100000")));
        mvc.perform(post("/api/analyses").param("samples", "lots").contentType(MediaType.APPLICATION_JSON).content(plan))
                .andExpect(status().isBadRequest());
    }

    @Test
    void anInvalidPlanGetsAProblemWithFieldErrors() throws Exception {
        mvc.perform(post("/api/analyses").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"location\":\"MARS\",\"power\":\"GRID\",\"accelerator\":\"GB300\","
                                + "\"decisionDate\":\"2026-01-01\",\"phases\":[{\"online\":\"2027-01-01\",\"accelerators\":0}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid plan"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].field").value("location"))
                .andExpect(jsonPath("$.errors[1].field").value("phases[0].accelerators"));
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        mvc.perform(post("/api/analyses").contentType(MediaType.APPLICATION_JSON).content("{\"name\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.startsWith("not valid JSON")));
    }

    @Test
    void anotherMediaTypeIsRefusedWithAProblem() throws Exception {
        mvc.perform(post("/api/analyses").contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anOversizedPlanIsRefused() throws Exception {
        String huge = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";
        mvc.perform(post("/api/analyses").contentType(MediaType.APPLICATION_JSON).content(huge))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.title").value("Plan too large"));
    }
}
