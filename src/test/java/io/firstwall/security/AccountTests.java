package io.firstwall.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.firstwall.system.AuditLog;

/** Admins manage accounts in H2: create, roles, disable, reset; everyone changes their own password. */
@Tag("database")
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:accounts-${random.uuid};DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class AccountTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    AccountService accounts;

    @Autowired
    AuditLog audit;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    static MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
        return request.with(user("admin").roles("ANALYST", "EXPERT", "ADMIN")).with(csrf());
    }

    @Test
    void theLoginPageListsTheAccountsThatStillHaveTheirDemoPasswords() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<td>expert</td><td>expert</td>")))
                .andExpect(content().string(containsString("<td>analyst</td><td>analyst</td>")));
    }

    @Test
    void theDemoAccountsAreSeededIntoH2() {
        assertThat(accounts.accounts()).extracting(AccountService.Account::name).containsExactly("admin", "analyst", "expert");
        assertThat(accounts.accounts()).filteredOn(a -> a.name().equals("expert")).singleElement()
                .satisfies(a -> assertThat(a.roles()).containsExactlyInAnyOrder("ANALYST", "EXPERT"));
    }

    @Test
    void anAdminCreatesAnExpertWhoCanThenLogInAndEditRules() throws Exception {
        mvc.perform(asAdmin(post("/admin/users")).param("name", "carol").param("password", "a long passphrase")
                .param("roles", "ANALYST", "EXPERT")).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", containsString("Created carol")));
        mvc.perform(get("/api/rules").with(httpBasic("carol", "a long passphrase"))).andExpect(status().isOk());
        mvc.perform(get("/api/batch/runs").with(httpBasic("carol", "a long passphrase"))).andExpect(status().isForbidden());
        assertThat(audit.entries()).anySatisfy(e -> assertThat(e.get("WHAT").toString()).contains("created carol"));
    }

    @Test
    void aWeakPasswordADuplicateNameOrNoRoleIsRefusedAtItsField() throws Exception {
        mvc.perform(asAdmin(post("/admin/users")).param("name", "expert").param("password", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"name-error\">There is already an account expert.")))
                .andExpect(content().string(containsString("id=\"password-error\">At least 10 characters.")))
                .andExpect(content().string(containsString("id=\"roles-error\">Choose at least one role.")));
        mvc.perform(asAdmin(post("/admin/users")).param("name", "dave").param("password", "analyst").param("roles", "ANALYST"))
                .andExpect(content().string(containsString("At least 10 characters")));
        assertThat(accounts.accounts()).hasSize(3);
    }

    @Test
    void aDisabledAccountCannotLogInAndTheLastAdminCannotLockEveryoneOut() throws Exception {
        mvc.perform(get("/plans").with(httpBasic("analyst", "analyst"))).andExpect(status().isOk());
        mvc.perform(asAdmin(post("/admin/users/analyst")).param("roles", "ANALYST"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/plans").with(httpBasic("analyst", "analyst"))).andExpect(status().isUnauthorized());

        mvc.perform(asAdmin(post("/admin/users/admin")).param("roles", "ANALYST").param("enabled", "true"))
                .andExpect(flash().attribute("error", containsString("your own admin role")));
        mvc.perform(post("/admin/users/admin").with(user("other").roles("ADMIN")).with(csrf()).param("roles", "ANALYST")
                .param("enabled", "true")).andExpect(flash().attribute("error", containsString("last enabled admin")));
        assertThat(accounts.accounts()).filteredOn(a -> a.name().equals("admin")).singleElement()
                .satisfies(a -> assertThat(a.roles()).contains("ADMIN"));
    }

    @Test
    void disablingAnAccountEndsItsLoggedInSessions() throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(
                SecurityMockMvcRequestBuilders.formLogin()
                        .user("expert").password("expert")).andExpect(status().is3xxRedirection())
                .andReturn().getRequest().getSession();
        mvc.perform(get("/facts").session(session)).andExpect(status().isOk());
        mvc.perform(asAdmin(post("/admin/users/expert")).param("roles", "ANALYST", "EXPERT"))
                .andExpect(flash().attribute("message", containsString("disabled")));
        mvc.perform(get("/facts").session(session)).andExpect(status().is3xxRedirection())
                .andExpect(MockMvcResultMatchers.redirectedUrl("/login?expired"));
    }

    @Test
    void everyoneChangesTheirOwnPasswordByProvingTheCurrentOne() throws Exception {
        MockHttpServletRequestBuilder change = post("/account/password").with(user("analyst").roles("ANALYST")).with(csrf());
        mvc.perform(change.param("current", "wrong").param("password", "correct horse battery").param("repeat",
                "correct horse battery")).andExpect(flash().attribute("error", containsString("not right")));
        mvc.perform(post("/account/password").with(user("analyst").roles("ANALYST")).with(csrf())
                .param("current", "analyst").param("password", "correct horse battery").param("repeat", "correct horse battery"))
                .andExpect(flash().attribute("message", containsString("changed")));
        mvc.perform(get("/plans").with(httpBasic("analyst", "analyst"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/plans").with(httpBasic("analyst", "correct horse battery"))).andExpect(status().isOk());
        assertThat(accounts.demoAccounts()).extracting(AccountService.DemoAccount::name).containsExactly("admin", "expert");
    }

    @Test
    void onlyAdminsManageAccounts() throws Exception {
        mvc.perform(get("/admin/users").with(user("expert").roles("ANALYST", "EXPERT"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/users").with(user("expert").roles("EXPERT")).with(csrf()).param("name", "eve")
                .param("password", "0123456789ab").param("roles", "ADMIN")).andExpect(status().isForbidden());
        mvc.perform(get("/admin/users").with(user("admin").roles("ADMIN"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"account-expert\"")));
        assertThat(accounts.accounts()).extracting(AccountService.Account::name).doesNotContain("eve");
        assertThat(Set.copyOf(AccountService.ROLES)).containsExactlyInAnyOrder("ANALYST", "EXPERT", "ADMIN");
    }
}
