package io.firstwall.editing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.firstwall.facts.FactCsvReader;
import io.firstwall.facts.FactLoadException;
import io.firstwall.facts.FactStatus;
import io.firstwall.facts.Series;
import io.firstwall.system.NotFoundException;
import io.firstwall.system.PageController;

/**
 * The facts pages: everyone can browse the fact base with its sources, export it and read its
 * history; experts edit one fact in a form or import a CSV, validate (rows checked, facts the rules
 * need, rule tests, impact on every saved plan), publish, and revert.
 */
@Controller
class FactEditingController implements PageController {

    private final FactEditingService editing;
    private final FactWatcher watcher;

    FactEditingController(FactEditingService editing, FactWatcher watcher) {
        this.editing = editing;
        this.watcher = watcher;
    }

    /** One fact as the form shows it: every field as typed. */
    record FactForm(String file, String originalId, String id, String value, String low, String high, String unit,
            String asOf, String source, String status, String note, String distribution, String projects,
            String baseVersion) {

        /** A field the form did not send is an empty one (an empty form is answered with its fields marked). */
        FactForm {
            file = blank(file);
            originalId = blank(originalId);
            id = blank(id);
            value = blank(value);
            low = blank(low);
            high = blank(high);
            unit = blank(unit);
            asOf = blank(asOf);
            source = blank(source);
            status = blank(status);
            note = blank(note);
            distribution = blank(distribution);
            projects = blank(projects);
            baseVersion = blank(baseVersion);
        }

        private static String blank(String s) {
            return s == null ? "" : s;
        }

        List<String> fields() {
            return Arrays.asList(id, value, low, high, unit, asOf, source, status, note, distribution, projects);
        }

        Map<String, String> values() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("id", id);
            values.put("value", value);
            values.put("low", low);
            values.put("high", high);
            values.put("unit", unit);
            values.put("asOf", asOf);
            values.put("source", source);
            values.put("note", note);
            values.put("distribution", distribution);
            values.put("projects", projects);
            return values;
        }

        static FactForm of(FactRows.Row row, String baseVersion) {
            return new FactForm(row.file(), row.id(), row.id(), row.get("value"), row.get("low"), row.get("high"),
                    row.get("unit"), row.get("as_of"), row.get("source"), row.get("status"), row.get("note"),
                    row.get("distribution"), row.get("projects"), baseVersion);
        }
    }

    @GetMapping("/facts")
    String list(@RequestParam(name = "import", required = false) String importResult, Model model) {
        if ("too-large".equals(importResult)) {
            model.addAttribute("error", "That file is larger than the 1 MB an upload may be; nothing was imported.");
        }
        Map<String, List<FactRows.Row>> byFile = new TreeMap<>();
        for (FactRows.Row row : editing.rows()) {
            byFile.computeIfAbsent(row.file(), f -> new ArrayList<>()).add(row);
        }
        model.addAttribute("files", byFile);
        Map<String, List<SeriesChart>> charts = new TreeMap<>();
        byFile.forEach((file, rows) -> charts.put(file, SeriesChart.of(rows)));
        model.addAttribute("charts", charts);
        List<String> allFiles = new ArrayList<>(editing.liveFiles().keySet());
        allFiles.sort(Comparator.comparing((String f) -> !f.startsWith("facts/")).thenComparing(f -> f));
        model.addAttribute("allFiles", allFiles);
        model.addAttribute("catalogues", allFiles.stream().filter(f -> !f.startsWith("facts/")).toList());
        model.addAttribute("revisions", editing.revisions().stream().limit(5).toList());
        model.addAttribute("rejection", watcher.lastRejection());
        model.addAttribute("toCheck", editing.toCheck());
        return "facts/list";
    }

    /** One facts file as CSV, exactly as published. */
    @GetMapping("/facts/export")
    ResponseEntity<String> export(@RequestParam String file) {
        String text = editing.liveFiles().get(file);
        if (text == null) {
            throw new NotFoundException("There is no fact file " + file + ".");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.substring(file.lastIndexOf('/') + 1)).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(text);
    }

    @GetMapping("/facts/edit")
    String edit(@RequestParam String id, Model model) {
        List<FactRows.Row> rows = editing.rows();
        FactRows.Row row = rows.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("There is no fact " + id + "."));
        model.addAttribute("factHistory", editing.factHistory(row.file(), row.id()));
        model.addAttribute("seriesChart", SeriesChart.of(rows, Series.baseOf(row.id())));
        return form(FactForm.of(row, editing.liveVersion()), Map.of(), model);
    }

    @GetMapping("/facts/new")
    String create(@RequestParam String file, Model model) {
        if (!editing.liveFiles().containsKey(file) || !file.startsWith("facts/")) {
            throw new NotFoundException("There is no fact file " + file + ".");
        }
        return form(new FactForm(file, "", "", "", "", "", "", "", "", "secondary", "", "", "", editing.liveVersion()), Map.of(),
                model);
    }

    private String form(FactForm form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("values", form.values());
        model.addAttribute("errors", errors);
        model.addAttribute("statuses", Arrays.stream(FactStatus.values()).map(FactStatus::label).toList());
        return "facts/edit";
    }

    /** The form's fields checked by the same reader that loads the fact base, each message at its field. */
    private Map<String, String> fieldErrors(FactForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.source() == null || form.source().isBlank()) {
            errors.put("source", "A source is required: say where this figure comes from (a link, a report, or"
                    + " \u201cassumption: why\u201d).");
        }
        boolean renamed = form.originalId() == null || !form.originalId().equals(form.id());
        if (renamed && editing.rows().stream().anyMatch(r -> r.id().equals(form.id()))) {
            errors.put("id", "There is already a fact " + form.id() + "; choose another id.");
        }
        try {
            FactCsvReader.readFacts("form", String.join(",", FactCsvReader.FACT_COLUMNS) + "\n"
                    + FactRows.format(form.fields()) + "\n");
        } catch (FactLoadException e) {
            for (String problem : e.problems()) {
                String text = problem.replaceFirst("^form:\\d+: ", "");
                String column = text.split("[ ']", 2)[0];
                String field = switch (column) {
                    case "as_of" -> "asOf";
                    case "id", "value", "low", "high", "unit", "status", "source" -> column;
                    case "distribution", "correlation" -> "distribution";
                    case "projects" -> "projects";
                    default -> "id";
                };
                errors.putIfAbsent(field, text);
            }
        }
        return errors;
    }

    @PostMapping("/facts/check")
    String check(@ModelAttribute FactForm form, Model model) {
        Map<String, String> errors = fieldErrors(form);
        if (!errors.isEmpty()) {
            model.addAttribute("error", "Check the fields marked below; nothing was changed.");
            return form(form, errors, model);
        }
        try {
            return review(editing.setFact(form.file(), form.originalId(), form.fields()), form.baseVersion(), model);
        } catch (RefusedException e) {
            model.addAttribute("error", e.getMessage() + " Nothing was changed.");
            return form(form, errors, model);
        }
    }

    @PostMapping("/facts/delete")
    String delete(@RequestParam String id, @RequestParam String baseVersion, Model model) {
        return review(editing.removeFact(id), baseVersion, model);
    }

    /** A CSV upload replaces one facts file (or makes a new one); nothing is live until Publish. */
    @PostMapping("/facts/import")
    String importCsv(@RequestParam String file, @RequestParam(defaultValue = "") String newFile,
            @RequestParam("csv") MultipartFile csv, Model model, RedirectAttributes redirect) throws IOException {
        String target = newFile.isBlank() ? file : "facts/" + newFile.strip().replaceFirst("\\.csv$", "") + ".csv";
        if (csv.isEmpty()) {
            redirect.addFlashAttribute("error", "Choose a CSV file to import; nothing changed.");
            return "redirect:/facts";
        }
        if (!FactCsvReader.isFactFile(target)) {
            redirect.addFlashAttribute("error", "'" + target + "' is not a fact file name (letters, digits, '-' and '_');"
                    + " nothing changed.");
            return "redirect:/facts";
        }
        String text = FactCsvReader.withoutByteOrderMark(new String(csv.getBytes(), StandardCharsets.UTF_8));
        model.addAttribute("info", "Loaded " + csv.getOriginalFilename() + " as " + target
                + ". Nothing is live yet: look at the result below, then publish.");
        return review(Map.of(target, text), editing.liveVersion(), model);
    }

    @PostMapping("/facts/validate")
    String validate(@RequestParam String file, @RequestParam String text, @RequestParam String baseVersion, Model model) {
        return review(Map.of(file, text), baseVersion, model);
    }

    private String review(Map<String, String> change, String baseVersion, Model model) {
        Map.Entry<String, String> only = change.entrySet().iterator().next();
        model.addAttribute("file", only.getKey());
        model.addAttribute("text", only.getValue());
        model.addAttribute("baseVersion", baseVersion);
        try {
            model.addAttribute("validation", editing.validate(change));
        } catch (RefusedException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "facts/review";
    }

    @PostMapping("/facts/publish")
    String publish(@RequestParam String file, @RequestParam String text, @RequestParam String baseVersion,
            @RequestParam(defaultValue = "") String message, @RequestParam(defaultValue = "false") boolean accept,
            Principal who, Model model, RedirectAttributes redirect) {
        try {
            Revision revision = editing.publish(Map.of(file, text), baseVersion, who.getName(), message, accept);
            redirect.addFlashAttribute("message", "Published " + file + " as fact revision " + revision.id()
                    + "; analyses use it now.");
            return "redirect:/facts";
        } catch (RefusedException e) {
            return RevisionPages.refused(e, file, text, baseVersion, model, "facts/review");
        }
    }

    @GetMapping("/facts/history")
    String history(@RequestParam(required = false) String file, Model model) {
        return RevisionPages.history(editing, "facts", file, model);
    }

    @GetMapping("/facts/diff")
    String diff(@RequestParam long from, @RequestParam long to, Model model) {
        return RevisionPages.diff(editing, "facts", from, to, model);
    }

    /** A revert is reviewed like any publish (its diff, the rule tests, the impact) before it goes live. */
    @GetMapping("/facts/revisions/{id}/revert")
    String reviewRevert(@PathVariable long id, Model model) {
        return RevisionPages.revertReview(editing, "facts", id, model);
    }

    @PostMapping("/facts/revisions/{id}/revert")
    String revert(@PathVariable long id, @RequestParam(defaultValue = "") String baseVersion,
            @RequestParam(defaultValue = "") String message, @RequestParam(defaultValue = "false") boolean accept,
            Principal who, Model model, RedirectAttributes redirect) {
        try {
            Revision r = editing.revert(id, baseVersion, who.getName(), message, accept);
            redirect.addFlashAttribute("message", "Reverted the facts to revision " + id + " as revision " + r.id() + ".");
            return "redirect:/facts/history";
        } catch (RefusedException e) {
            return RevisionPages.revertRefused(editing, "facts", id, e, model);
        }
    }
}
