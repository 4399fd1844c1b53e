package io.firstwall.editing;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.firstwall.rules.RuleInfo;
import io.firstwall.system.LiveAnalyzer;

/** Rule editing over REST, for experts and admins: validate, publish, history, diff, revert. */
@RestController
@RequestMapping(path = "/api/rules", produces = MediaType.APPLICATION_JSON_VALUE)
class RuleEditingApiController {

    private final RuleEditingService editing;
    private final LiveAnalyzer live;

    RuleEditingApiController(RuleEditingService editing, LiveAnalyzer live) {
        this.editing = editing;
        this.live = live;
    }

    /** A change set: files to write (null deletes), the version it was made on, and why. */
    record ChangeSet(Map<String, String> files, String baseVersion, String message) {
    }

    record RuleSet(String version, List<RuleInfo> rules, Map<String, String> files) {
    }

    @GetMapping
    RuleSet current() {
        return new RuleSet(editing.liveVersion(), live.analyzer().rules().rules(), editing.liveFiles());
    }

    @PostMapping(path = "/validate", consumes = MediaType.APPLICATION_JSON_VALUE)
    RuleEditingService.Validation validate(@RequestBody ChangeSet changes) {
        return editing.validate(changes.files() == null ? Map.of() : changes.files());
    }

    @PostMapping(path = "/publish", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RuleEditingService.Revision> publish(@RequestBody ChangeSet changes, Principal who) {
        return ResponseEntity.status(HttpStatus.CREATED).body(editing.publish(
                changes.files() == null ? Map.of() : changes.files(), changes.baseVersion(), who.getName(), changes.message()));
    }

    @GetMapping("/revisions")
    List<RuleEditingService.Revision> revisions() {
        return editing.revisions();
    }

    @GetMapping("/diff")
    Map<String, List<LineDiff.Line>> diff(@RequestParam long from, @RequestParam long to) {
        return editing.diff(from, to);
    }

    @PostMapping("/revisions/{id}/revert")
    ResponseEntity<RuleEditingService.Revision> revert(@PathVariable long id, @RequestParam(defaultValue = "") String message,
            Principal who) {
        return ResponseEntity.status(HttpStatus.CREATED).body(editing.revert(id, who.getName(),
                message.isBlank() ? "revert" : message));
    }

    @GetMapping("/audit")
    List<Map<String, Object>> audit() {
        return editing.auditLog();
    }

    /** A refused publish: 409 for a conflict, 422 for rules that do not compile or fail a scenario. */
    @ExceptionHandler(RuleEditingService.RefusedException.class)
    ResponseEntity<Map<String, Object>> refused(RuleEditingService.RefusedException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean conflict = e.getMessage().startsWith("Conflict");
        body.put("title", conflict ? "Conflict" : "Refused");
        body.put("status", conflict ? 409 : 422);
        body.put("detail", e.getMessage());
        if (e.validation() != null) {
            body.put("validation", e.validation());
        }
        if (!e.conflict().isEmpty()) {
            body.put("changedMeanwhile", e.conflict());
        }
        return ResponseEntity.status(conflict ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
