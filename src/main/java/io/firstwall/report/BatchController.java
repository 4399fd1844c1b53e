package io.firstwall.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.firstwall.system.NotFoundException;
import io.firstwall.system.PageController;

/** The batch page (admins: start a run, watch its progress, past runs) and the reports (everyone). */
@Controller
class BatchController implements PageController {

    private final BatchService batch;
    private final RunStore runs;
    private final ReportPublisher publisher;

    BatchController(BatchService batch, RunStore runs, ReportPublisher publisher) {
        this.batch = batch;
        this.runs = runs;
        this.publisher = publisher;
    }

    @GetMapping("/batch")
    String batchPage(Model model) {
        model.addAttribute("runs", batch.runs());
        model.addAttribute("running", batch.running());
        return "batch/runs";
    }

    @PostMapping("/batch/start")
    String start(RedirectAttributes redirect) {
        BatchService.StartResult result = batch.start(false);
        redirect.addFlashAttribute(result.started() ? "message" : "error", result.message());
        return "redirect:/batch";
    }

    @GetMapping("/reports")
    String reports(Model model) {
        model.addAttribute("runs", batch.runs());
        return "batch/reports";
    }

    @GetMapping("/reports/{runNumber}.{format}")
    ResponseEntity<String> report(@PathVariable long runNumber, @PathVariable String format) throws IOException {
        RunStore.Run run = runs.list().stream().filter(r -> r.runNumber() == runNumber && r.finishedAt() != null)
                .findFirst().orElseThrow(() -> new NotFoundException("finished report run", runNumber));
        MediaType type = switch (format) {
            case "html" -> MediaType.TEXT_HTML;
            case "csv" -> new MediaType("text", "csv", StandardCharsets.UTF_8);
            case "json" -> MediaType.APPLICATION_JSON;
            default -> throw new NotFoundException("report format ." + format + " of run", runNumber);
        };
        Path file = publisher.directory(run).resolve(ReportPublisher.baseName(run) + "." + format);
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("report file " + file.getFileName() + " for run", runNumber);
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(type);
        if (!format.equals("html")) {
            response.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename(run.reportDate() + "-" + file.getFileName()).build().toString());
        }
        return response.body(Files.readString(file, StandardCharsets.UTF_8));
    }
}
