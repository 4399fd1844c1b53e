package io.firstwall.system;

import java.security.Principal;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The sampling limits an administrator sets: samples per request, sampled analyses per user. */
@Controller
class LimitsController implements PageController {

    private final SamplingLimits limits;
    private final LiveAnalyzer live;

    LimitsController(SamplingLimits limits, LiveAnalyzer live) {
        this.limits = limits;
        this.live = live;
    }

    @GetMapping("/admin/limits")
    String show(Model model) {
        SamplingLimits.Limits now = limits.limits();
        if (!model.containsAttribute("fieldProblems")) {
            model.addAttribute("fieldProblems", Map.of());
            model.addAttribute("maxSamples", Integer.toString(now.maxSamples()));
            model.addAttribute("sampledPerUser", Integer.toString(now.sampledPerUser()));
        }
        model.addAttribute("slots", live.slots());
        return "admin/limits";
    }

    @PostMapping("/admin/limits")
    String set(@RequestParam(defaultValue = "") String maxSamples, @RequestParam(defaultValue = "") String sampledPerUser,
            Principal who, Model model, RedirectAttributes redirect) {
        Integer max = whole(maxSamples);
        Integer perUser = whole(sampledPerUser);
        Map<String, String> problems = SamplingLimits.problems(max, perUser);
        if (!problems.isEmpty()) {
            model.addAttribute("fieldProblems", problems);
            model.addAttribute("maxSamples", maxSamples);
            model.addAttribute("sampledPerUser", sampledPerUser);
            model.addAttribute("error", "The limits were not changed; see the marked fields.");
            return show(model);
        }
        limits.set(new SamplingLimits.Limits(max, perUser), who.getName());
        redirect.addFlashAttribute("message", "From now on: at most " + max + " samples per request, and "
                + perUser + (perUser == 1 ? " sampled analysis" : " sampled analyses") + " at a time per user.");
        return "redirect:/admin/limits";
    }

    private static Integer whole(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
