package io.firstwall.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.firstwall.plan.Plan;
import io.firstwall.plan.PlanReader;

/** One rule base shared by many threads, one session per analysis: the answers do not mix. */
class ConcurrentAnalysisTests {

    @Test
    void parallelAnalysesGiveTheSameAnswersAsSequentialOnes() throws Exception {
        PlanReader reader = new PlanReader(AnalysisFixtures.FACTS);
        List<Plan> plans = new ArrayList<>();
        try (var files = Files.list(Path.of("data/plans"))) {
            for (Path f : files.sorted().toList()) {
                plans.add(reader.read(Files.readString(f)));
            }
        }
        List<List<String>> expected = plans.stream().map(p -> AnalysisFixtures.analyze(p).cascade()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int round = 0; round < 50; round++) {
                for (Plan p : plans) {
                    futures.add(pool.submit(() -> AnalysisFixtures.analyze(p).cascade()));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(expected.get(i % plans.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
