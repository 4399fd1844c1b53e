package io.firstwall.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Fair sharing of the sampled analyses: a user past the per-user quota gets a 429 with Retry-After at
 * once (never a wait), a request over the administrator's cap on samples a 400 that names it, and the
 * administrator sets both on a page, audited.
 */
@Tag("database")
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:limits-${random.uuid};DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class SamplingLimitsTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    SamplingLimits limits;

    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;
    String plan;

    @BeforeEach
    void setUp() throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        plan = Files.readString(Path.of("data/plans/orbital-cluster-1gw.json"));
        jdbc.sql("delete from setting").update();
    }

    @Test
    void aUserPastTheQuotaIsToldToComeBackNotMadeToWait() throws Exception {
        SamplingLimits.Limits now = limits.limits();
        // The analyst's first sampled analysis is running (counted in, as LiveAnalyzer counts it).
        limits.enter("analyst", now);
        try {
            mvc.perform(post("/api/analyses").param("samples", "200").with(httpBasic("analyst", "analyst"))
                            .contentType(MediaType.APPLICATION_JSON).content(plan))
                    .andExpect(status().isTooManyRequests())
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("already have 1 sampled")));
            // Another user is not held by the analyst's quota.
            mvc.perform(post("/api/analyses").param("samples", "200").with(httpBasic("expert", "expert"))
                            .contentType(MediaType.APPLICATION_JSON).content(plan))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.uncertainty.samples").value(200));
            // An analysis without samples is not counted against the quota.
            mvc.perform(post("/api/analyses").with(httpBasic("analyst", "analyst"))
                            .contentType(MediaType.APPLICATION_JSON).content(plan))
                    .andExpect(status().isOk());
        } finally {
            limits.leave("analyst");
        }
        mvc.perform(post("/api/analyses").param("samples", "200").with(httpBasic("analyst", "analyst"))
                        .contentType(MediaType.APPLICATION_JSON).content(plan))
                .andExpect(status().isOk());
    }

    @Test
    void theAdministratorsCapOnSamplesIsAClearRefusal() throws Exception {
        limits.set(new SamplingLimits.Limits(500, 1), "admin");
        mvc.perform(post("/api/analyses").param("samples", "600").with(httpBasic("analyst", "analyst"))
                        .contentType(MediaType.APPLICATION_JSON).content(plan))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("between 1 and 500")));
        mvc.perform(post("/api/analyses").param("samples", "500").with(httpBasic("analyst", "analyst"))
                        .contentType(MediaType.APPLICATION_JSON).content(plan))
                .andExpect(status().isOk());
    }

    @Test
    void theAdministratorSetsTheLimitsOnAPageAndTheChangeIsAudited() throws Exception {
        String refused = mvc.perform(post("/admin/limits").with(user("admin").roles("ADMIN")).with(csrf())
                        .param("maxSamples", "0").param("sampledPerUser", "many"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"maxSamples-error\"").contains("id=\"sampledPerUser-error\"")
                .contains("value=\"many\"");
        assertThat(limits.limits()).isEqualTo(new SamplingLimits.Limits(20_000, 1));
        mvc.perform(post("/admin/limits").with(user("admin").roles("ADMIN")).with(csrf())
                        .param("maxSamples", "5000").param("sampledPerUser", "2"))
                .andExpect(status().is3xxRedirection());
        assertThat(limits.limits()).isEqualTo(new SamplingLimits.Limits(5000, 2));
        assertThat(jdbc.sql("select what from audit_log where action = 'limits' order by id desc").query(String.class)
                .list()).first().asString().contains("20000 \u2192 5000 samples per request").contains("1 \u2192 2");
        mvc.perform(get("/admin/limits").with(user("analyst").roles("ANALYST"))).andExpect(status().isForbidden());
        String page = mvc.perform(get("/admin/limits").with(user("admin").roles("ADMIN"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("value=\"5000\"").contains("value=\"2\"");
    }
}
