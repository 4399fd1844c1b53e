package io.firstwall.system;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
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
import io.firstwall.uncertainty.LiveUncertainty;
import io.firstwall.uncertainty.MonteCarlo;
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
        when(live.planReader()).thenReturn(new PlanReader(AnalysisFixtures.FACTS, AnalysisFixtures.RULES.attributes()));
        when(live.facts()).thenReturn(AnalysisFixtures.FACTS);
        when(live.analyzer()).thenReturn(AnalysisFixtures.ANALYZER);
        when(live.analyze(any(), anyMap())).thenAnswer(inv -> AnalysisFixtures.ANALYZER.analyze(inv.getArgument(0),
                AnalysisFixtures.FACTS.withOverrides(inv.getArgument(1))));
    }

    /** A mocked live uncertainty that runs the real Monte Carlo over the real rules and facts. */
    public static void realUncertainty(LiveUncertainty uncertainty) {
        when(uncertainty.uncertainty(any(), anyMap(), anyInt(), anyLong())).thenAnswer(inv -> new MonteCarlo(
                AnalysisFixtures.ANALYZER).run(inv.getArgument(0), AnalysisFixtures.FACTS.withOverrides(inv.getArgument(1)),
                        inv.getArgument(2), inv.getArgument(3), null));
    }

    private static final java.util.Map<java.util.List<Object>, io.firstwall.seek.SeekResult> SEEKS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** A mocked live seek that runs the real search over the real rules, levers and facts (each question once). */
    public static void realSeek(io.firstwall.seek.LiveSeek seek) {
        when(seek.seek(any(), any())).thenAnswer(inv -> SEEKS.computeIfAbsent(java.util.List.of(inv.getArgument(0),
                inv.getArgument(1)), k -> new io.firstwall.seek.Seek(AnalysisFixtures.ANALYZER, new MonteCarlo(AnalysisFixtures.ANALYZER))
                        .seek(inv.getArgument(0), AnalysisFixtures.FACTS, new PlanReader(AnalysisFixtures.FACTS,
                                AnalysisFixtures.RULES.attributes()), inv.getArgument(1), null)));
    }
}
