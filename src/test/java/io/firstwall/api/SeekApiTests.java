package io.firstwall.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.analysis.Schedule;
import io.firstwall.plan.Json;
import io.firstwall.plan.Plan;
import io.firstwall.plan.PlanReader;
import io.firstwall.system.WebTestSupport;
import tools.jackson.databind.JsonNode;

/** What would it take over REST, on the real H2, rules and levers: each option is what analyze gives for its plan. */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SeekApiTests {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void analystOverHttpBasic() {
        mvc = WebTestSupport.analystOverHttpBasic(context);
    }

    static String ohio() throws Exception {
        return Files.readString(Path.of("data/plans/ohio-gas-engines.json"));
    }

    @Test
    void aPlanBodyGetsItsOptionsAndEachIsWhatAnalyzeGivesForThePlanItCarries() throws Exception {
        String body = mvc.perform(post("/api/seek").contentType(MediaType.APPLICATION_JSON).content(ohio()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.met").value(true))
                .andReturn().getResponse().getContentAsString();
        JsonNode root = Json.MAPPER.readTree(body);
        assertThat(root.path("options")).isNotEmpty();
        for (JsonNode option : root.path("options")) {
            // The option's plan, posted to the analysis API, gives the schedule the option reports.
            String analysed = mvc.perform(post("/api/analyses").contentType(MediaType.APPLICATION_JSON)
                    .content(option.path("plan").toString())).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            JsonNode first = Json.MAPPER.readTree(analysed).path("firstWall");
            assertThat(first.isNull() || first.isMissingNode() ? null : first.path("factor").asString())
                    .isEqualTo(option.path("firstWall").isNull() ? null : option.path("firstWall").asString());
            Plan plan = new PlanReader(AnalysisFixtures.FACTS, AnalysisFixtures.RULES.attributes()).read(option.path("plan"));
            Analysis a = AnalysisFixtures.ANALYZER.analyze(plan, AnalysisFixtures.FACTS);
            assertThat(Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(Schedule.of(a)))).isEqualTo(option.path("schedule"));
        }
    }

    @Test
    void aSavedPlanCanBeSoughtWithLocksAndAConfidence() throws Exception {
        String list = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/plans"))
                .andReturn().getResponse().getContentAsString();
        long id = -1;
        for (JsonNode p : Json.MAPPER.readTree(list)) {
            if (p.path("name").asString().startsWith("Central Ohio")) {
                id = p.path("id").asLong();
            }
        }
        assertThat(id).isPositive();
        String body = mvc.perform(post("/api/plans/" + id + "/seek").param("confidence", "0.8").param("samples", "64")
                .param("lock", "targets,accelerators")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode root = Json.MAPPER.readTree(body);
        for (JsonNode option : root.path("options")) {
            assertThat(option.path("onTimeProbability").asDouble()).isGreaterThanOrEqualTo(0.8);
            for (JsonNode change : option.path("changes")) {
                assertThat(change.path("field").asString()).isNotIn("targets", "accelerators");
            }
        }
    }

    @Test
    void aBadLockOrConfidenceOrPlanIsAProblemThatSaysWhich() throws Exception {
        mvc.perform(post("/api/seek").contentType(MediaType.APPLICATION_JSON).content(ohio()).param("lock", "colour"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("lock 'colour' is no field")));
        mvc.perform(post("/api/seek").contentType(MediaType.APPLICATION_JSON).content(ohio()).param("confidence", "1.5"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("confidence must be")));
        mvc.perform(post("/api/seek").contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"x\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/plans/99999/seek")).andExpect(status().isNotFound());
    }
}
