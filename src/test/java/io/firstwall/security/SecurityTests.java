package io.firstwall.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.firstwall.FirstwallApplication;

/** Who may do what, over the real app: logins, roles, CSRF, and the prod profile's refusal of demo passwords. */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SecurityTests {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @Test
    void aPersonWithoutALoginIsSentToTheLoginPage() throws Exception {
        mvc.perform(get("/plans").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection())
                .andExpect(MockMvcResultMatchers.redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    @Test
    void anApiClientWithoutCredentialsGets401AndWithWrongOnesToo() throws Exception {
        mvc.perform(get("/api/plans")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/plans").with(httpBasic("analyst", "wrong"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/plans").with(httpBasic("analyst", "analyst"))).andExpect(status().isOk());
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsForbidden() throws Exception {
        mvc.perform(post("/plans/1/delete").with(user("analyst").roles("ANALYST"))).andExpect(status().isForbidden());
        mvc.perform(post("/plans/999999/delete").with(user("analyst").roles("ANALYST")).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theBatchIsForAdminsOnly() throws Exception {
        mvc.perform(get("/batch").with(user("analyst").roles("ANALYST"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/batch/runs").with(httpBasic("expert", "expert"))).andExpect(status().isForbidden());
    }

    @Test
    void anAccountWithoutARoleSeesNoPlans() throws Exception {
        mvc.perform(get("/plans").with(user("nobody").roles("GUEST"))).andExpect(status().isForbidden());
    }

    @Test
    void theProdProfileRefusesTheDemoPasswords() {
        Throwable failure = null;
        try {
            new SpringApplicationBuilder(FirstwallApplication.class).profiles("prod")
                    .run("--spring.datasource.url=jdbc:h2:mem:prod-check", "--server.port=0").close();
        } catch (Throwable t) {
            failure = t;
        }
        Throwable root = failure;
        while (root != null && root.getCause() != null) {
            root = root.getCause();
        }
        assertThat(root).isNotNull().hasMessageContaining("prod profile refuses to start with the demo passwords");
    }
}
