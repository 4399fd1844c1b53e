package io.firstwall.editing;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.firstwall.analysis.WallColours;
import io.firstwall.plans.PlanStore;
import io.firstwall.ruletests.RuleTestResult;
import io.firstwall.ruletests.RuleTests;
import io.firstwall.system.NotFoundException;
import io.firstwall.system.PageController;

/**
 * The rule tests as pages an expert can use without writing JSON: each one with what it expects and
 * what the rules answer now; a new one from a saved plan in one click (it expects what the plan gets
 * now); an expectation edited in a form and published like any rule change.
 */
@Controller
class RuleTestsController implements PageController {

    private final RuleEditingService editing;
    private final PlanStore plans;

    RuleTestsController(RuleEditingService editing, PlanStore plans) {
        this.editing = editing;
        this.plans = plans;
    }

    /** A rule test for the list: its file, what it expects, whether it passes and what the rules answer. */
    record TestRow(String file, RuleTests.Expectation expect, boolean passed, String actual) {
    }

    @GetMapping("/rules/tests")
    String list(Model model) {
        Map<String, String> files = editing.liveFiles();
        Map<String, RuleTestResult> results = new TreeMap<>();
        editing.runRuleTests().forEach(r -> results.put(r.file(), r));
        List<TestRow> rows = results.values().stream().map(r -> new TestRow(r.file(), expectation(files.get(r.file())),
                r.passed(), r.actual())).toList();
        model.addAttribute("tests", rows);
        model.addAttribute("failing", rows.stream().filter(r -> !r.passed()).count());
        model.addAttribute("plans", plans.list());
        return "rules/tests";
    }

    private static RuleTests.Expectation expectation(String text) {
        try {
            return RuleTests.expectation(text);
        } catch (RuntimeException e) {
            return new RuleTests.Expectation("(unreadable)", null, List.of());
        }
    }

    @PostMapping("/rules/tests/from-plan")
    String fromPlan(@RequestParam long planId, Principal who, RedirectAttributes redirect) {
        try {
            Revision r = editing.addRuleTest(plans.get(planId), who.getName());
            redirect.addFlashAttribute("message", "Added a rule test that expects what the plan gets now; it is live as"
                    + " revision " + r.id() + ".");
        } catch (RefusedException e) {
            redirect.addFlashAttribute("error", e.explained());
        }
        return "redirect:/rules/tests";
    }

    @GetMapping("/rules/tests/edit")
    String edit(@RequestParam String file, Model model) {
        String text = editing.liveFiles().get(file);
        if (text == null || !RuleTests.isRuleTest(file)) {
            throw new NotFoundException("There is no rule test " + file + ".");
        }
        return form(file, expectation(text), editing.liveVersion(), text, model);
    }

    private String form(String file, RuleTests.Expectation expect, String baseVersion, String text, Model model) {
        model.addAttribute("file", file);
        model.addAttribute("expect", expect);
        model.addAttribute("cascade", String.join(", ", expect.cascade()));
        model.addAttribute("baseVersion", baseVersion);
        model.addAttribute("text", text);
        model.addAttribute("walls", WallColours.COLOURS.keySet().stream().sorted().toList());
        editing.runRuleTests().stream().filter(r -> r.file().equals(file)).findFirst()
                .ifPresent(r -> model.addAttribute("result", r));
        return "rules/test-edit";
    }

    @PostMapping("/rules/tests/save")
    String save(@RequestParam String file, @RequestParam String firstWall, @RequestParam(defaultValue = "") String bindsOn,
            @RequestParam(defaultValue = "") String cascade, @RequestParam String baseVersion,
            @RequestParam(defaultValue = "") String message, Principal who, Model model, RedirectAttributes redirect) {
        List<String> walls = Arrays.stream(cascade.split("[,>\\s]+")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(Locale.ROOT)).toList();
        RuleTests.Expectation expect = new RuleTests.Expectation(firstWall, bindsOn.isBlank() ? null : bindsOn.trim(),
                walls);
        try {
            Revision r = editing.saveExpectation(file, expect, baseVersion, who.getName(), message);
            redirect.addFlashAttribute("message", "Published the new expectation of " + file + " as revision " + r.id()
                    + "; it is live.");
            return "redirect:/rules/tests";
        } catch (RefusedException e) {
            model.addAttribute("error", e.explained());
            return form(file, expect, baseVersion, editing.liveFiles().get(file), model);
        }
    }
}
