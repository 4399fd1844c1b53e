package io.firstwall.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Bad input gets a clear 4xx and loses nothing: the December 2026 probe's cases that still answered
 * 500 or blamed the rules.
 */
@Tag("database")
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:badinput-${random.uuid};DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class BadInputTests {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity())
                .addFilters(context.getBean(DirectErrorFilter.class)).build();
    }

    @Test
    void theErrorPageAskedForDirectlyIsANotFound() throws Exception {
        mvc.perform(get("/error")).andExpect(status().isNotFound());
    }

    @Test
    void anEmptyFactFormIsAnsweredWithItsFieldsMarked() throws Exception {
        String page = mvc.perform(post("/facts/check").with(user("expert").roles("ANALYST", "EXPERT")).with(csrf()))
                .andExpect(status().is(Matchers.lessThan(500))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("nothing was changed");
    }

    @Test
    void anOverrideBeyondWhatANumberHoldsIsAFieldError() throws Exception {
        String plan = Files.readString(Path.of("data/plans/memphis-onsite-gas-1gw.json"));
        mvc.perform(post("/api/whatif").with(httpBasic("analyst", "analyst")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plan\": " + plan + ", \"overrides\": {\"turbine.install_months\": 1e400}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("overrides.turbine.install_months"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("finite")));
        mvc.perform(post("/api/whatif").with(httpBasic("analyst", "analyst")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plan\": " + plan + ", \"overrides\": {\"turbine.install_months\": -1e308}}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("far outside any sensible range")))
                .andExpect(jsonPath("$.detail").value(Matchers.not(Matchers.containsString("a rule failed"))));
    }

    @Test
    void aPlanWithAByteOrderMarkIsImported() throws Exception {
        byte[] withBom = ("\uFEFF" + Files.readString(Path.of("data/plans/nova-grid-1gw.json"))).getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/plans/import").file(new MockMultipartFile("file", "nova.json", "application/json", withBom))
                        .with(user("analyst").roles("ANALYST")).with(csrf()))
                .andExpect(redirectedUrlPattern("/plans/*"));
    }
}
