package io.firstwall.editing;

import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.firstwall.analysis.AnalysisException;
import io.firstwall.analysis.LiveAnalysis;
import io.firstwall.analysis.Why;
import io.firstwall.facts.Fact;
import io.firstwall.plans.PlanStore;
import io.firstwall.plans.SavedPlan;
import io.firstwall.rules.DslSentences;
import io.firstwall.rules.RuleBase;
import io.firstwall.rules.RuleBuildException;
import io.firstwall.rules.RuleCompiler;
import io.firstwall.rules.RuleInfo;
import io.firstwall.rules.RuleProblem;
import io.firstwall.system.NotFoundException;
import io.firstwall.system.PageController;

/** The rules pages for experts: every file and rule, an editor with validate and publish, history and revert. */
@Controller
class RuleEditingController implements PageController {

    private final RuleEditingService editing;
    private final LiveAnalysis live;
    private final RuleWatcher watcher;
    private final PlanStore plans;

    RuleEditingController(RuleEditingService editing, LiveAnalysis live, RuleWatcher watcher, PlanStore plans) {
        this.editing = editing;
        this.live = live;
        this.watcher = watcher;
        this.plans = plans;
    }

    /** The saved plans the editor can trace its rules against; only the editor's pages (a file) need them. */
    @ModelAttribute("plans")
    List<SavedPlan> plans(@RequestParam(required = false) String file) {
        return file == null ? List.of() : plans.list();
    }

    /** What the business grid of a decision table needs: its columns and the values its cells may take. */
    record Grid(List<DecisionTableChecks.Column> columns, List<String> regions, List<String> powers, List<String> factIds) {
    }

    @ModelAttribute("grid")
    Grid grid(@RequestParam(required = false) String file, @RequestParam(required = false) String text) {
        if (file == null || !file.endsWith(".drl.csv")) {
            return null;
        }
        String table = text != null ? text : editing.liveFiles().getOrDefault(file, "");
        List<String> regions = live.facts().regions().keySet().stream().sorted().toList();
        List<String> factIds = live.facts().facts().stream().map(Fact::id).sorted().toList();
        return new Grid(DecisionTableChecks.columns(table), regions, DecisionTableChecks.powers(), factIds);
    }

    /** The sentences of the vocabulary, for the editor's completions on a sentence file. */
    @ModelAttribute("sentences")
    List<DslSentences.Sentence> sentences(@RequestParam(required = false) String file) {
        return file == null || !DslSentences.isSentenceRules(file) ? List.of()
                : DslSentences.of(live.analyzer().rules().files()).sentences();
    }

    /** A rule file with its rules, for the list. */
    record FileRow(String path, List<RuleInfo> rules) {
    }

    @GetMapping("/rules")
    String list(@RequestParam(name = "import", required = false) String importResult, Model model) {
        if ("too-large".equals(importResult)) {
            model.addAttribute("error", "That spreadsheet is larger than the 1 MB an upload may be; nothing changed.");
        }
        Map<String, FileRow> files = new TreeMap<>();
        Map<String, List<RuleInfo>> byFolder = new LinkedHashMap<>();
        for (RuleInfo r : live.analyzer().rules().rules()) {
            byFolder.computeIfAbsent(r.packageName().replaceFirst("^rules\\.?", "").replace('.', '/'),
                    k -> new ArrayList<>()).add(r);
        }
        Map<String, String> liveFiles = editing.liveFiles();
        for (String path : liveFiles.keySet()) {
            String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
            List<RuleInfo> rules = path.startsWith("tests/") ? List.of() : byFolder.getOrDefault(folder, List.of()).stream()
                    .filter(r -> ruleInFile(r, liveFiles.get(path))).toList();
            files.put(path, new FileRow(path, rules));
        }
        model.addAttribute("files", files.values());
        model.addAttribute("lastFired", live.lastFired());
        model.addAttribute("stuck", live.stuckAnalyses());
        model.addAttribute("revisions", editing.revisions().stream().limit(5).toList());
        model.addAttribute("rejection", watcher.lastRejection());
        return "rules/list";
    }

    private static boolean ruleInFile(RuleInfo rule, String text) {
        return text != null && (text.contains("\"" + rule.name() + "\"") || text.contains(rule.name() + ","));
    }

    @GetMapping("/rules/edit")
    String edit(@RequestParam String file, Model model) {
        String text = editing.liveFiles().get(file);
        if (text == null) {
            throw new NotFoundException("There is no rule file " + file + ".");
        }
        model.addAttribute("file", file);
        model.addAttribute("text", text);
        model.addAttribute("baseVersion", editing.liveVersion());
        return "rules/edit";
    }

    @PostMapping("/rules/validate")
    String validate(@RequestParam String file, @RequestParam String text, @RequestParam String baseVersion, Model model) {
        model.addAttribute("file", file);
        model.addAttribute("text", text);
        model.addAttribute("baseVersion", baseVersion);
        try {
            model.addAttribute("validation", editing.validate(Map.of(file, text)));
        } catch (RefusedException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "rules/edit";
    }

    @PostMapping("/rules/publish")
    String publish(@RequestParam String file, @RequestParam String text, @RequestParam String baseVersion,
            @RequestParam(defaultValue = "") String message, Principal who, Model model, RedirectAttributes redirect) {
        try {
            Revision revision = editing.publish(Map.of(file, text), baseVersion, who.getName(), message);
            redirect.addFlashAttribute("message", "Published " + file + " as revision " + revision.id() + "; it is live.");
            return "redirect:/rules";
        } catch (RefusedException e) {
            return RevisionPages.refused(e, file, text, baseVersion, model, "rules/edit");
        }
    }

    /**
     * Why, with the rules in the editor: they are compiled (not published) and run against a saved
     * plan; the page shows which rules fired and, for the others, the condition that failed.
     */
    @PostMapping("/rules/why")
    String why(@RequestParam String file, @RequestParam String text, @RequestParam String baseVersion,
            @RequestParam long plan, Model model) {
        model.addAttribute("file", file);
        model.addAttribute("text", text);
        model.addAttribute("baseVersion", baseVersion);
        SavedPlan saved;
        try {
            saved = plans.get(plan);
        } catch (NotFoundException e) {
            model.addAttribute("error", "There is no saved plan " + plan + " any more; choose another. Your text is kept.");
            return "rules/edit";
        }
        model.addAttribute("whyPlan", saved.id());
        try {
            model.addAttribute("trace", editing.whyDraft(Map.of(file, text), saved));
            model.addAttribute("ruleSet", "in the editor, not published");
            model.addAttribute("info", "Why for " + saved.name() + ", with the rules in the editor (not published).");
        } catch (RuleBuildException e) {
            model.addAttribute("validation", editing.validate(Map.of(file, text)));
        } catch (RefusedException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "rules/edit";
    }

    /** What a decision table or a sentence file stands for, as DRL, for a look under the hood. */
    @PostMapping(path = "/rules/drl", produces = MediaType.TEXT_PLAIN_VALUE)
    @ResponseBody
    String drl(@RequestParam String file, @RequestParam String text) {
        Map<String, String> files = new TreeMap<>(live.analyzer().rules().files());
        files.put(file, text);
        try {
            return RuleCompiler.ruleText(file, text, files);
        } catch (RuleBuildException e) {
            return "This text does not turn into rules yet:\n" + String.join("\n",
                    e.problems().stream().map(RuleProblem::toString).toList());
        }
    }

    /** A decision table as a spreadsheet download. */
    @GetMapping("/rules/xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam String file) {
        String text = editing.liveFiles().get(file);
        if (text == null || !file.endsWith(".drl.csv")) {
            throw new NotFoundException("There is no decision table " + file + ".");
        }
        String name = file.substring(file.lastIndexOf('/') + 1).replace(".drl.csv", ".xlsx");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(DecisionTableSheets.toXlsx(text));
    }

    /** A spreadsheet upload becomes the table's text in the editor; nothing is published until Publish. */
    @PostMapping("/rules/xlsx")
    String uploadXlsx(@RequestParam String file, @RequestParam("sheet") MultipartFile sheet,
            Model model) throws IOException {
        edit(file, model);
        try {
            String loaded = DecisionTableSheets.fromXlsx(sheet.getInputStream());
            model.addAttribute("text", loaded);
            model.addAttribute("grid", grid(file, loaded));
            model.addAttribute("info", "Loaded from " + sheet.getOriginalFilename()
                    + ". Validate to check it, then publish; nothing is live yet.");
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", sheet.getOriginalFilename() + " is " + e.getMessage() + "; nothing changed.");
        }
        return "rules/edit";
    }

    @GetMapping("/rules/history")
    String history(@RequestParam(required = false) String file, Model model) {
        return RevisionPages.history(editing, "rules", file, model);
    }

    @GetMapping("/rules/diff")
    String diff(@RequestParam long from, @RequestParam long to, Model model) {
        return RevisionPages.diff(editing, "rules", from, to, model);
    }

    /** A revert is reviewed like any publish (its diff, the rule tests, the impact) before it goes live. */
    @GetMapping("/rules/revisions/{id}/revert")
    String reviewRevert(@PathVariable long id, Model model) {
        return RevisionPages.revertReview(editing, "rules", id, model);
    }

    @PostMapping("/rules/revisions/{id}/revert")
    String revert(@PathVariable long id, @RequestParam(defaultValue = "") String baseVersion,
            @RequestParam(defaultValue = "") String message, Principal who, Model model, RedirectAttributes redirect) {
        try {
            Revision r = editing.revert(id, baseVersion, who.getName(), message);
            redirect.addFlashAttribute("message", "Reverted to revision " + id + " as revision " + r.id() + ".");
            return "redirect:/rules/history";
        } catch (RefusedException e) {
            return RevisionPages.revertRefused(editing, "rules", id, e, model);
        }
    }
}
