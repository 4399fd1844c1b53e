package io.firstwall.editing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.firstwall.ruletests.RuleTestResult;
import io.firstwall.rules.RuleProblem;

/**
 * What an editor says about its files, and all it says: how to name them, read and check them, and
 * make them live. The {@link PublishPipeline} does the rest the same way for rules and facts.
 *
 * @param <C> what the files make when they read: a rule base, a fact base
 */
interface EditedFiles<C> {

    /** The checks of a change: problems, or what the files make with the rule tests' results and the impact. */
    record Outcome<C>(List<RuleProblem> errors, List<RuleTestResult> ruleTests, List<Impact> impact,
            Map<String, String> generatedDrl, C candidate) {

        static <C> Outcome<C> refused(List<RuleProblem> errors, Map<String, String> generatedDrl) {
            return new Outcome<>(errors, List.of(), List.of(), generatedDrl, null);
        }
    }

    /** Checks the files as a change leaves them ({@code merged}: every file, path to text). */
    @FunctionalInterface
    interface Check<C> {
        /**
         * @param changed the paths the change touches
         * @param withImpact whether to analyse every saved plan before and after
         * @param testsOnDisk for an outside edit: the rule tests as on disk, which may have come with it
         */
        Outcome<C> check(Map<String, String> merged, Set<String> changed, boolean withImpact, boolean testsOnDisk);
    }

    /** The folder the files are in, as messages name it ({@code rules/}, {@code data/}). */
    String folder();

    Path dir();

    /** How revisions of these files are called ("revision", "fact revision"). */
    String revisionName();

    /** How an audit entry names a set of changed paths ("rules grid/a.drl", "facts facts/power.csv"). */
    String describe(Set<String> paths);

    /** Why nothing was published when the files do not read ("The rules do not compile"). */
    String unreadable();

    /** What to tell the expert when a rule test answers differently. */
    String failingRuleTests();

    /** The live files, path to text. */
    Map<String, String> liveFiles();

    /** The changes as the files will be stored (a spreadsheet's byte-order mark dropped, say). */
    default Map<String, String> normalized(Map<String, String> changes) {
        return changes;
    }

    /** Refuses a path that is not one of these files. */
    void checkPath(String path);

    Outcome<C> check(Map<String, String> merged, Set<String> changed, boolean withImpact, boolean testsOnDisk);

    /**
     * The files of a revision another app node published, read to be served here: that node checked them
     * (rule tests, impact) before it recorded them, so by default they are checked as any change is; an
     * editor whose checks run code may only read them.
     */
    default Outcome<C> followed(Map<String, String> merged, Set<String> changed) {
        return check(merged, changed, false, false);
    }

    /** What the changed files may not mean as written (a decision table's overlaps and gaps); none by default. */
    default List<RuleProblem> warnings(Map<String, String> merged, Set<String> changed) {
        return List.of();
    }

    /** What changes in the database with the revision, in its transaction; nothing by default. */
    default void store(C candidate) {
    }

    /** Makes what the checked files made live, with the files. */
    void goLive(C candidate, Map<String, String> merged);
}
