package io.firstwall.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import java.util.function.Function;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.rules.RuleCompiler;
import io.firstwall.system.TestDatabase;

/**
 * A publishing JVM is killed with SIGKILL at random points of a multi-file publish (a rule moved
 * from one file to another, and every other rule file touched), 20 times. After each kill, the
 * recovery the app runs at start leaves exactly the old or the new rule set, it compiles (no rule
 * twice), and the latest revision is that set.
 */
class KilledPublishTests {

    static final int KILLS = 20;

    /** GRID-004 moves to grid/ercot_queue.drl; every other rule file gets a comment line. */
    static Map<String, String> moveARuleBetweenFiles(Map<String, String> live) {
        Map<String, String> changes = new TreeMap<>();
        String grid = live.get("grid/grid_interconnect.drl");
        int start = grid.indexOf("rule \"GRID-004");
        int end = grid.indexOf("\nend\n", start) + "\nend\n".length();
        String rule = grid.substring(start, end);
        String header = grid.substring(0, grid.indexOf("\nrule \""));
        changes.put("grid/grid_interconnect.drl", grid.substring(0, start) + grid.substring(end));
        changes.put("grid/ercot_queue.drl", header + "\n" + rule);
        live.forEach((path, text) -> {
            if (path.endsWith(".drl") && !changes.containsKey(path)) {
                changes.put(path, text + "// touched by the kill test\n");
            }
        });
        return changes;
    }

    static Map<String, String> ruleSet(Path rulesDir) {
        return RuleEditingService.readDisk(rulesDir);
    }

    /** A fresh database for one kill: its URL, how to connect, and what the publishing JVM needs besides the URL. */
    record Database(String url, String user, String password, List<String> args) {
    }

    @Test
    void aPublishKilledAnywhereLeavesTheOldOrTheNewRuleSetRecordedAsSuch(@TempDir Path dir) throws Exception {
        Random random = new Random(20261129L);
        killRepeatedly(dir, KILLS, (i, lines) -> random.nextInt(lines), run -> {
            String url = "jdbc:h2:file:" + run.resolve("db").toAbsolutePath() + ";AUTO_SERVER=TRUE";
            TestDatabase.migrateH2(url);
            return new Database(url, "sa", "", List.of());
        });
    }

    /**
     * The same on PostgreSQL, with fewer kills (each one starts a JVM) spread evenly over the publish's lines
     * instead of drawn at random; skipped, saying why, without PostgreSQL.
     */
    @Test
    @Tag("postgres")
    void onPostgresToo(@TempDir Path dir) throws Exception {
        killRepeatedly(dir, 8, (i, lines) -> i * lines / 8, run -> {
            TestDatabase.Postgres pg = TestDatabase.freshPostgres();
            pg.migrate();
            return new Database(pg.url(), pg.user(), pg.password(), pg.springArgs());
        });
    }

    /**
     * A publish answered is recorded: the publishing JVM, alone with its H2 file (as the app runs), is
     * killed the moment it has answered, and its revision and audit entry are in the database, so the
     * next start finds the files live and recorded, not "changed outside firstwall". Before commits
     * were made durable, H2 lost what it had committed in its last half second.
     */
    @Test
    void aPublishAnsweredSurvivesAKillRightAfterTheAnswer(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 3; i++) {
            Path run = Files.createDirectories(dir.resolve("answered-" + i));
            String url = "jdbc:h2:file:" + run.resolve("db").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
            answeredThenKilled(run, new Database(url, "sa", "", List.of()));
        }
    }

    @Test
    @Tag("postgres")
    void aPublishAnsweredSurvivesAKillOnPostgresToo(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 2; i++) {
            Path run = Files.createDirectories(dir.resolve("answered-" + i));
            TestDatabase.Postgres pg = TestDatabase.freshPostgres();
            answeredThenKilled(run, new Database(pg.url(), pg.user(), pg.password(), pg.springArgs()));
        }
    }

    private void answeredThenKilled(Path run, Database db) throws Exception {
        Path rules = AnalysisFixtures.copyOf(AnalysisFixtures.RULES_DIR, run.resolve("rules"));
        Path data = AnalysisFixtures.copyOf(AnalysisFixtures.DATA_DIR, run.resolve("data"));
        int lines = moveARuleBetweenFiles(ruleSet(rules)).size() + 3;
        String killedAt = killSomewhere(db.url(), db.args(), rules, data, lines - 1, run.resolve("child.log"));
        assertThat(killedAt).isEqualTo("after 'PUBLISHED'");
        String onDisk = FileSets.version(ruleSet(rules));
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(c, true));
            Map<String, Object> latest = jdbc.sql("select author, kind, version from rule_revision order by id desc limit 1")
                    .query().singleRow();
            assertThat(latest.get("version")).as("the answered revision is the one on disk").isEqualTo(onDisk);
            assertThat(latest.get("author")).isEqualTo("kill test");
            assertThat(jdbc.sql("select count(*) from audit_log where who = 'kill test' and action = 'publish'")
                    .query(Integer.class).single()).isEqualTo(1);
        }
    }

    /** Which line of the publish kill {@code i} comes after, of {@code lines}. */
    @FunctionalInterface
    interface Target {
        int line(int i, int lines);
    }

    private void killRepeatedly(Path dir, int kills, Target target, Function<Path, Database> newDatabase)
            throws Exception {
        int old = 0;
        int fresh = 0;
        List<String> killedAt = new ArrayList<>();
        for (int i = 0; i < kills; i++) {
            Path run = Files.createDirectories(dir.resolve("run-" + i));
            Path rules = AnalysisFixtures.copyOf(AnalysisFixtures.RULES_DIR, run.resolve("rules"));
            Path data = AnalysisFixtures.copyOf(AnalysisFixtures.DATA_DIR, run.resolve("data"));
            Database db = newDatabase.apply(run);
            String url = db.url();
            Map<String, String> before = ruleSet(rules);
            Map<String, String> after = FileSets.apply(before, moveARuleBetweenFiles(before));
            try (Connection holder = DriverManager.getConnection(url, db.user(), db.password())) {
                int lines = moveARuleBetweenFiles(before).size() + 3;
                killedAt.add(killSomewhere(url, db.args(), rules, data, target.line(i, lines), run.resolve("child.log")));
                PublishRecovery.recover(rules, JdbcClient.create(new SingleConnectionDataSource(holder, true)), null);
                Map<String, String> now = ruleSet(rules);
                String version = FileSets.version(now);
                assertThat(version).as("kill %d (%s): the rule set is the old or the new one", i, killedAt.get(i))
                        .isIn(FileSets.version(before), FileSets.version(after));
                RuleCompiler.compile(rules);
                String recorded = JdbcClient.create(new SingleConnectionDataSource(holder, true))
                        .sql("select version from rule_revision order by id desc limit 1").query(String.class).single();
                assertThat(recorded).as("kill %d (%s): the latest revision is what is on disk", i, killedAt.get(i))
                        .isEqualTo(version);
                try (Stream<Path> left = Files.walk(rules)) {
                    assertThat(left.map(p -> p.getFileName().toString()))
                            .noneMatch(name -> name.startsWith(".publish-") || name.equals(PublishJournal.FILE));
                }
                if (version.equals(FileSets.version(before))) {
                    old++;
                } else {
                    fresh++;
                }
            }
        }
        System.out.printf("KilledPublishTests: %d kills at %s; %d left the old rule set, %d the new%n", kills,
                killedAt, old, fresh);
        assertThat(old + fresh).isEqualTo(kills);
        assertThat(old).as("some kills land before the commit").isPositive();
        assertThat(fresh).as("some kills land after the commit").isPositive();
    }

    /** Starts a publishing JVM and kills it after line {@code target} of its publish. */
    static String killSomewhere(String url, List<String> args, Path rules, Path data, int target, Path log)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PublishingProcess.class.getName(), url, rules.toString(),
                data.toString()));
        command.addAll(args);
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        // Lines of the publish: the journal, each file written, the journal removed, done.
        int seen = -1;
        StringBuilder output = new StringBuilder();
        String killedAt = "never";
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean publishing = false;
            while ((line = out.readLine()) != null) {
                output.append(line).append('\n');
                if (line.equals("READY")) {
                    publishing = true;
                    continue;
                }
                if (publishing && (line.startsWith("publish ") || line.equals("PUBLISHED"))) {
                    seen++;
                    if (seen >= target) {
                        child.destroyForcibly();
                        killedAt = "after '" + line.replaceFirst("^publish [0-9a-f-]+: ", "") + "'";
                        break;
                    }
                }
            }
        }
        child.waitFor();
        Files.writeString(log, output);
        assertThat(output.toString()).as("the child started and began to publish").contains("READY");
        return killedAt;
    }
}
