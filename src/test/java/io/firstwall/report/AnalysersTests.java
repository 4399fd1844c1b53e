package io.firstwall.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The batch's analyser pool is a bean that the context shuts down. */
class AnalysersTests {

    @Test
    void closingTheContextShutsThePoolDown() {
        NightlyJobConfiguration.Analysers analysers = new NightlyJobConfiguration.Analysers(2);
        assertThat(analysers.pool.getThreadPoolExecutor().isShutdown()).isFalse();
        analysers.destroy();
        assertThat(analysers.pool.getThreadPoolExecutor().isShutdown()).isTrue();
    }
}
