package io.firstwall.system;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.analysis.LiveAnalysis;
import io.firstwall.plan.PlanReader;

/** MockMvc set-ups shared by the web tests: who is calling, and the real analyzer behind a mocked LiveAnalysis. */
public final class WebTestSupport {

    private WebTestSupport() {
    }

    /** A logged-in analyst whose form posts carry the CSRF token, as a browser's would. */
    public static MockMvc analystInBrowser(WebApplicationContext context) {
        return MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity())
                .defaultRequest(get("/").with(user("analyst").roles("ANALYST")).with(csrf())).build();
    }

    /** An API client with the analyst's HTTP Basic credentials. */
    public static MockMvc analystOverHttpBasic(WebApplicationContext context) {
        return MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity())
                .defaultRequest(get("/").with(httpBasic("analyst", "analyst"))).build();
    }

    /** In a web slice, the mocked LiveAnalysis answers with the real rules and facts of the repository. */
    public static void realAnalyzer(LiveAnalysis live) {
        when(live.planReader()).thenReturn(new PlanReader(AnalysisFixtures.FACTS));
        when(live.facts()).thenReturn(AnalysisFixtures.FACTS);
        when(live.analyze(any(), anyMap())).thenAnswer(inv -> AnalysisFixtures.ANALYZER.analyze(inv.getArgument(0),
                AnalysisFixtures.FACTS.withOverrides(inv.getArgument(1))));
    }
}
