package io.firstwall.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import javax.sql.DataSource;

/**
 * The API is stateless and takes personal tokens; pages keep sessions with CSRF, a strict content
 * policy and SameSite cookies; password guessing is throttled; weak passwords are refused.
 */
@Tag("database")
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:api-access-${random.uuid};DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class ApiAccessTests {

    static final String STRONG = "violet tractor ocean 47 ledger";

    @Autowired
    WebApplicationContext context;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcUserDetailsManager users;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @Test
    void aPersonalTokenActsAsItsAccountWithoutASessionUntilRevoked() throws Exception {
        String token = tokens.create("analyst", "test script");
        assertThat(token).startsWith("fw_").hasSizeGreaterThan(40);
        MvcResult ok = mvc.perform(get("/api/plans").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andReturn();
        assertThat(ok.getRequest().getSession(false)).as("no session for an API request").isNull();
        mvc.perform(post("/api/batch/runs").header("Authorization", "Bearer " + token)).andExpect(status().isForbidden());
        long id = tokens.tokens("analyst").stream().filter(t -> t.name().equals("test script")).findFirst()
                .orElseThrow().id();
        assertThat(tokens.tokens("analyst")).anySatisfy(t -> assertThat(t.lastUsedAt()).isNotNull());
        tokens.revoke("analyst", id);
        mvc.perform(get("/api/plans").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/plans").header("Authorization", "Bearer fw_made-up")).andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenIsStoredOnlyAsAHash() {
        String token = tokens.create("expert", "hash check");
        List<String> stored = JdbcClient.create(
                context.getBean(DataSource.class)).sql("select token_hash from api_token").query(String.class)
                .list();
        assertThat(stored).doesNotContain(token).contains(ApiTokenService.hash(token));
    }

    @Test
    void httpBasicOnTheApiCreatesNoSessionAndASessionCookieGivesNoApiAccess() throws Exception {
        MvcResult basic = mvc.perform(get("/api/plans").with(httpBasic("analyst", "analyst")))
                .andExpect(status().isOk()).andReturn();
        assertThat(basic.getRequest().getSession(false)).isNull();
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").param("username", "analyst")
                        .param("password", "analyst").with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession(false);
        assertThat(session).isNotNull();
        mvc.perform(get("/plans").session(session)).andExpect(status().isOk());
        mvc.perform(get("/api/plans").session(session)).andExpect(status().isUnauthorized());
        // A session plus some Authorization header is no way around CSRF on pages.
        mvc.perform(post("/plans/1/delete").session(session).header("Authorization", "Bearer junk"))
                .andExpect(status().isForbidden());
    }

    @Test
    void pagesAndTheApiSendAContentSecurityPolicyWithoutInlineScript() throws Exception {
        for (String url : List.of("/login", "/api/plans")) {
            String csp = mvc.perform(get(url).with(httpBasic("analyst", "analyst")))
                    .andExpect(header().exists("Content-Security-Policy")).andReturn().getResponse()
                    .getHeader("Content-Security-Policy");
            assertThat(csp).contains("script-src 'self'").contains("object-src 'none'").contains("frame-ancestors 'none'");
            assertThat(csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src"))))
                    .doesNotContain("unsafe-inline");
        }
    }

    @Test
    void guessingPasswordsLocksTheAccountEvenForTheRightOne() throws Exception {
        accounts.create("guessed", STRONG, Set.of(Roles.ANALYST), "admin");
        mvc.perform(get("/api/plans").with(httpBasic("guessed", STRONG))).andExpect(status().isOk());
        for (int i = 0; i < 60; i++) {
            mvc.perform(get("/api/plans").with(httpBasic("guessed", "wrong " + i))).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/plans").with(httpBasic("guessed", STRONG))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/plans").with(httpBasic("analyst", "analyst"))).andExpect(status().isOk());
    }

    @Test
    void weakPasswordsAreRefusedByAStrengthEstimate() {
        assertThat(AccountService.passwordProblem("aaaaaaaaaa")).hasValueSatisfying(p -> assertThat(p).contains("guess"));
        assertThat(AccountService.passwordProblem("password123")).isPresent();
        assertThat(AccountService.passwordProblem("qwertyuiop")).isPresent();
        assertThat(AccountService.passwordProblem("short")).hasValueSatisfying(p -> assertThat(p).contains("At least"));
        assertThat(AccountService.passwordProblem(STRONG)).isEmpty();
    }

    @Test
    void aDemoPasswordIsStoredReencodedAfterItsFirstLoginAndStillListedAsDemo() throws Exception {
        assertThat(users.loadUserByUsername("expert").getPassword()).startsWith("{noop}");
        mvc.perform(get("/api/plans").with(httpBasic("expert", "expert"))).andExpect(status().isOk());
        assertThat(users.loadUserByUsername("expert").getPassword()).startsWith("{bcrypt}");
        assertThat(accounts.demoAccounts()).anySatisfy(d -> assertThat(d.name()).isEqualTo("expert"));
    }
}
