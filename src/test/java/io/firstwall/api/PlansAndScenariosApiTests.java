package io.firstwall.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.firstwall.plan.Json;
import io.firstwall.system.WebTestSupport;

/** Plans CRUD, what-if, scenarios and comparison over REST, on the real H2 and rules; and the OpenAPI description. */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PlansAndScenariosApiTests {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void analystOverHttpBasic() {
        mvc = WebTestSupport.analystOverHttpBasic(context);
    }

    static String memphis() throws Exception {
        return Files.readString(Path.of("data/plans/memphis-onsite-gas-1gw.json"));
    }

    long create(String json) throws Exception {
        String body = mvc.perform(post("/api/plans").contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andExpect(header().string("Location", startsWith("/api/plans/")))
                .andReturn().getResponse().getContentAsString();
        return Json.MAPPER.readTree(body).get("id").asLong();
    }

    @Test
    void theExamplePlansAreSeededAndListedWithTheirFirstWall() throws Exception {
        mvc.perform(get("/api/plans")).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name").value(hasItem("1 GW on-site gas campus")))
                .andExpect(jsonPath("$[?(@.name == '1 GW on-site gas campus')].firstWall.factor").value(hasItem("TURBINE_SUPPLY")));
    }

    @Test
    void aPlanCanBeCreatedReadUpdatedAnalysedAndDeleted() throws Exception {
        long id = create(memphis().replace("1 GW on-site gas campus", "API campus"));
        mvc.perform(get("/api/plans/" + id)).andExpect(jsonPath("$.plan.name").value("API campus"))
                .andExpect(jsonPath("$.plan.phases[1].accelerators").value(330000));
        mvc.perform(put("/api/plans/" + id).contentType(MediaType.APPLICATION_JSON)
                        .content(memphis().replace("1 GW on-site gas campus", "API campus v2")
                                .replace("\"turbineSlotReserved\": false", "\"turbineSlotReserved\": true, \"turbineSlotYear\": 2025, \"turbineSlotMW\": 1720")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.plan.name").value("API campus v2"));
        mvc.perform(get("/api/plans/" + id + "/analysis")).andExpect(jsonPath("$.firstWall.factor").value("CONSTRUCTION"));
        mvc.perform(delete("/api/plans/" + id)).andExpect(status().isNoContent());
        mvc.perform(get("/api/plans/" + id)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Not found"));
    }

    @Test
    void theGlossaryExplainsTheTermsThePagesLinkTo() throws Exception {
        mvc.perform(get("/glossary").with(user("analyst").roles("ANALYST"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"slip\"")))
                .andExpect(content().string(Matchers.containsString("id=\"binds-on\"")))
                .andExpect(content().string(Matchers.containsString("id=\"cascade\"")))
                .andExpect(content().string(Matchers.containsString("id=\"shortfall\"")))
                .andExpect(content().string(Matchers.containsString("id=\"lane\"")));
        String plan = mvc.perform(get("/plans").with(user("analyst").roles("ANALYST"))).andReturn().getResponse()
                .getContentAsString();
        String id = plan.replaceAll("(?s).*?data-plan-id=\"(\\d+)\".*", "$1");
        mvc.perform(get("/plans/" + id).with(user("analyst").roles("ANALYST"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("href=\"/glossary#slip\"")));
    }

    @Test
    void anInvalidPlanIsRefusedWithItsFields() throws Exception {
        mvc.perform(post("/api/plans").contentType(MediaType.APPLICATION_JSON).content(memphis().replace("\"GB300\"", "\"Z9\"")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("accelerator"));
        mvc.perform(post("/api/plans").contentType(MediaType.APPLICATION_JSON)
                        .content(memphis().replace("\"turbineSlotReserved\"", "\"turbineSlotReserverd\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("attributes.turbineSlotReserverd"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("did you mean turbineSlotReserved?")));
    }

    @Test
    void whatIfOverridesAFactWithoutTouchingTheFactBase() throws Exception {
        long id = create(memphis().replace("\"turbineSlotReserved\": false", "\"turbineSlotReserved\": true, \"turbineSlotMW\": 1720"));
        mvc.perform(post("/api/plans/" + id + "/whatif").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"overrides\": {\"turbine.heavy_duty.next_slot_year\": 2025}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.base.firstWall.factor").value("TURBINE_SUPPLY"))
                .andExpect(jsonPath("$.scenario.firstWall.factor").value("CONSTRUCTION"))
                .andExpect(jsonPath("$.comparison.rows[0].changed[1]").value(true));
        mvc.perform(get("/api/plans/" + id + "/analysis")).andExpect(jsonPath("$.firstWall.factor").value("TURBINE_SUPPLY"));
        mvc.perform(post("/api/whatif").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plan\": " + memphis() + ", \"overrides\": {\"no.such.fact\": 1}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("overrides.no.such.fact"));
    }

    @Test
    void scenariosAreSavedListedComparedAndDeleted() throws Exception {
        long id = create(memphis());
        String base = "/api/plans/" + id + "/scenarios";
        mvc.perform(post(base).contentType(MediaType.APPLICATION_JSON).content("{\"overrides\": {}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
        String first = mvc.perform(post(base).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Fast permits\", \"overrides\": {\"permits.air_permit_months.contested\": 6}}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.analysis.firstWall.factor").value("TURBINE_SUPPLY"))
                .andReturn().getResponse().getContentAsString();
        String second = mvc.perform(post(base).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Reserved 2025\", \"plan\": " + memphis().replace("\"turbineSlotReserved\": false",
                                "\"turbineSlotReserved\": true, \"turbineSlotYear\": 2025, \"turbineSlotMW\": 1720") + "}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.analysis.firstWall.factor").value("CONSTRUCTION"))
                .andReturn().getResponse().getContentAsString();
        long s1 = Json.MAPPER.readTree(first).get("id").asLong();
        long s2 = Json.MAPPER.readTree(second).get("id").asLong();
        mvc.perform(get(base)).andExpect(jsonPath("$.length()").value(2));
        mvc.perform(get("/api/plans/" + id + "/compare").param("scenario", String.valueOf(s1), String.valueOf(s2)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.columns[2]").value("Reserved 2025"))
                .andExpect(jsonPath("$.rows[0].cells[2]").value("CONSTRUCTION"))
                .andExpect(jsonPath("$.rows[0].changed[2]").value(true));
        mvc.perform(get("/api/plans/" + id + "/compare").param("scenario", String.valueOf(s1)))
                .andExpect(status().isBadRequest());
        mvc.perform(delete(base + "/" + s1)).andExpect(status().isNoContent());
        mvc.perform(get(base + "/" + s1)).andExpect(status().isNotFound());
        mvc.perform(delete("/api/plans/" + id)).andExpect(status().isNoContent());
        mvc.perform(get(base + "/" + s2)).andExpect(status().isNotFound());
    }

    @Test
    void theApiIsDescribedByOpenApiForThoseLoggedIn() throws Exception {
        MockMvc anonymous = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        for (String url : List.of("/v3/api-docs", "/swagger-ui/index.html")) {
            anonymous.perform(get(url)).andExpect(result -> Assertions
                    .assertThat(result.getResponse().getStatus()).as(url + " needs a login").isIn(302, 401));
        }
        mvc.perform(get("/v3/api-docs").with(user("analyst").roles("ANALYST"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/plans']").exists())
                .andExpect(jsonPath("$.paths['/api/plans/{id}/whatif']").exists())
                .andExpect(jsonPath("$.paths['/api/plans/{id}/scenarios']").exists())
                .andExpect(jsonPath("$.paths['/api/analyses']").exists());
        mvc.perform(get("/swagger-ui/index.html").with(user("analyst").roles("ANALYST"))).andExpect(status().isOk());
    }
}
