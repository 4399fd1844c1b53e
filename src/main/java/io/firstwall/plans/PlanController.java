package io.firstwall.plans;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.Schedule;
import io.firstwall.plan.PlanJson;
import io.firstwall.analysis.LiveAnalysis;
import io.firstwall.plan.InvalidPlanException;
import io.firstwall.plan.Plan;
import io.firstwall.plan.Power;
import io.firstwall.system.PageController;

/** The plan pages: the list with each plan's first wall, the form, import and export. */
@Controller
class PlanController implements PageController {

    private final PlanStore plans;
    private final LiveAnalysis live;
    private final Clock clock;

    PlanController(PlanStore plans, LiveAnalysis live, Clock clock) {
        this.plans = plans;
        this.live = live;
        this.clock = clock;
    }

    /**
     * A saved plan with its analysis, or the reason it cannot be analysed; with the portfolio's
     * figures: target, full capacity and months late, the last phase's facility MW, and whether its
     * first wall binds within six months of today or already has (past due).
     */
    record Row(SavedPlan saved, Plan plan, Analysis analysis, String problem, LocalDate fullCapacityOn, Integer monthsLate,
            double facilityMw, boolean soon, boolean pastDue) {

        static Row of(SavedPlan saved, Plan plan, Analysis a, LocalDate today) {
            Schedule last = Schedule.fullCapacity(a);
            LocalDate full = last.achievable();
            Integer late = last.delayMonths();
            double mw = a.demand().stream().mapToDouble(d -> d.facilityMw()).max().orElse(0);
            LocalDate binds = a.firstWall() == null ? null : a.firstWall().bindsOn();
            return new Row(saved, plan, a, null, full, late, mw,
                    binds != null && !binds.isBefore(today) && !binds.isAfter(today.plusMonths(6)),
                    binds != null && binds.isBefore(today));
        }

        static Row failed(SavedPlan saved, String problem) {
            return new Row(saved, null, null, problem, null, null, 0, false, false);
        }

        /** For sorting: months late, open-ended last. */
        int lateOrMax() {
            return monthsLate == null ? Integer.MAX_VALUE : monthsLate;
        }
    }

    /** The columns the plans list sorts by. */
    private static final Map<String, Comparator<Row>> SORTS = Map.of(
            "name", Comparator.comparing((Row r) -> r.saved().name().toLowerCase(Locale.ROOT)),
            "wall", Comparator.comparing((Row r) -> r.analysis() == null || r.analysis().firstWall() == null ? "~"
                    : r.analysis().firstWall().factor()),
            "binds", Comparator.comparing((Row r) -> r.analysis() == null || r.analysis().firstWall() == null
                    ? LocalDate.MAX : r.analysis().firstWall().bindsOn()),
            "target", Comparator.comparing((Row r) -> r.plan() == null ? LocalDate.MAX : r.plan().targetDate()),
            "delay", Comparator.comparingInt(Row::lateOrMax),
            "mw", Comparator.comparingDouble(Row::facilityMw));

    @GetMapping("/")
    String home() {
        return "redirect:/plans";
    }

    @GetMapping("/plans")
    String list(@RequestParam(name = "import", required = false) String importResult,
            @RequestParam(defaultValue = "name") String sort, @RequestParam(defaultValue = "asc") String dir,
            @RequestParam(defaultValue = "") String wall, @RequestParam(defaultValue = "") String location, Model model) {
        if ("too-large".equals(importResult)) {
            model.addAttribute("error", "That file is larger than the 1 MB a plan may be; nothing was imported.");
        }
        List<Row> rows = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        for (SavedPlan saved : plans.list()) {
            try {
                Plan plan = live.planReader().read(saved.json());
                rows.add(Row.of(saved, plan, live.analyze(plan, Map.of()), today));
            } catch (InvalidPlanException e) {
                rows.add(Row.failed(saved, e.getMessage()));
            } catch (RuntimeException e) {
                rows.add(Row.failed(saved, "cannot be analysed: " + e.getMessage()));
            }
        }
        Set<String> walls = new TreeSet<>();
        Set<String> locations = new TreeSet<>();
        rows.stream().filter(r -> r.analysis() != null).forEach(r -> {
            walls.add(r.analysis().firstWall() == null ? "none" : r.analysis().firstWall().factor());
            locations.add(r.plan().location());
        });
        List<Row> shown = rows.stream().filter(r -> wall.isEmpty() || (r.analysis() != null && wall.equals(
                r.analysis().firstWall() == null ? "none" : r.analysis().firstWall().factor())))
                .filter(r -> location.isEmpty() || (r.plan() != null && location.equals(r.plan().location())))
                .sorted(dir.equals("desc") ? SORTS.getOrDefault(sort, SORTS.get("name")).reversed()
                        : SORTS.getOrDefault(sort, SORTS.get("name")))
                .toList();
        model.addAttribute("rows", shown);
        model.addAttribute("total", rows.size());
        model.addAttribute("walls", walls);
        model.addAttribute("locations", locations);
        model.addAttribute("sort", SORTS.containsKey(sort) ? sort : "name");
        model.addAttribute("dir", dir.equals("desc") ? "desc" : "asc");
        model.addAttribute("wall", wall);
        model.addAttribute("location", location);
        model.addAttribute("soonCount", rows.stream().filter(Row::soon).count());
        model.addAttribute("pastDueCount", rows.stream().filter(Row::pastDue).count());
        return "plans/list";
    }

    @GetMapping("/plans/new")
    String initCreateForm(Model model) {
        model.addAttribute("form", PlanForm.blank(LocalDate.now(clock)).withDeclared(live.planReader().attributes()));
        return formView(model, null);
    }

    @PostMapping("/plans")
    String processCreateForm(@Validated @ModelAttribute("form") PlanForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        Plan plan = PlanForms.toPlan(form, live.planReader(), errors);
        if (plan == null) {
            return formView(model, null);
        }
        long id = plans.create(plan);
        redirect.addFlashAttribute("message", "Plan \u201c" + plan.name() + "\u201d saved.");
        return "redirect:/plans/" + id;
    }

    @GetMapping("/plans/{id}/edit")
    String initUpdateForm(@PathVariable long id, Model model) {
        SavedPlan saved = plans.get(id);
        model.addAttribute("form", PlanForm.of(live.planReader().read(saved.json())).withDeclared(live.planReader().attributes()));
        return formView(model, id);
    }

    @PostMapping("/plans/{id}")
    String processUpdateForm(@PathVariable long id, @Validated @ModelAttribute("form") PlanForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        plans.get(id);
        Plan plan = PlanForms.toPlan(form, live.planReader(), errors);
        if (plan == null) {
            return formView(model, id);
        }
        plans.update(id, plan);
        redirect.addFlashAttribute("message", "Plan \u201c" + plan.name() + "\u201d saved.");
        return "redirect:/plans/" + id;
    }

    private String formView(Model model, Long id) {
        model.addAttribute("planId", id);
        model.addAttribute("regions", live.facts().regions().values());
        model.addAttribute("accelerators", live.facts().accelerators().values());
        model.addAttribute("declared", live.planReader().attributes().declared());
        model.addAttribute("powers", Power.values());
        return "plans/form";
    }

    @PostMapping("/plans/{id}/duplicate")
    String duplicate(@PathVariable long id, RedirectAttributes redirect) {
        Plan plan = live.planReader().read(plans.get(id).json());
        String name = ("Copy of " + plan.name());
        Plan copy = new Plan(name.length() > 200 ? name.substring(0, 200) : name, plan.location(), plan.power(),
                plan.accelerator(), plan.decisionDate(), plan.phases(), plan.attributes());
        long copyId = plans.create(copy);
        redirect.addFlashAttribute("message", "Duplicated as \u201c" + copy.name() + "\u201d; edit it below.");
        return "redirect:/plans/" + copyId + "/edit";
    }

    @PostMapping("/plans/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        SavedPlan saved = plans.get(id);
        plans.delete(id);
        redirect.addFlashAttribute("message", "Plan \u201c" + saved.name() + "\u201d and its scenarios deleted.");
        return "redirect:/plans";
    }

    @GetMapping("/plans/{id}/export")
    ResponseEntity<String> export(@PathVariable long id) {
        SavedPlan saved = plans.get(id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(saved.fileName(".json")).build().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .body(PlanJson.write(live.planReader().read(saved.json())));
    }

    @PostMapping("/plans/import")
    String importPlan(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        if (file.isEmpty()) {
            redirect.addFlashAttribute("error", "Choose a plan JSON file to import.");
            return "redirect:/plans";
        }
        try {
            Plan plan = live.planReader().read(new String(file.getBytes(), StandardCharsets.UTF_8));
            long id = plans.create(plan);
            redirect.addFlashAttribute("message", "Imported \u201c" + plan.name() + "\u201d from " + file.getOriginalFilename() + ".");
            return "redirect:/plans/" + id;
        } catch (InvalidPlanException e) {
            redirect.addFlashAttribute("error", file.getOriginalFilename() + " is not a valid plan; nothing was imported.");
            redirect.addFlashAttribute("problems", e.problems());
            return "redirect:/plans";
        }
    }
}
