package io.firstwall.editing;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.firstwall.rules.RuleInfo;
import io.firstwall.analysis.LiveAnalysis;

/** Rule editing over REST, for experts and admins: validate, publish, history, diff, revert. */
@RestController
@RequestMapping(path = "/api/rules", produces = MediaType.APPLICATION_JSON_VALUE)
class RuleEditingApiController {

    private final RuleEditingService editing;
    private final LiveAnalysis live;

    RuleEditingApiController(RuleEditingService editing, LiveAnalysis live) {
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
    Validation validate(@RequestBody ChangeSet changes) {
        return editing.validate(changes.files() == null ? Map.of() : changes.files());
    }

    @PostMapping(path = "/publish", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Revision> publish(@RequestBody ChangeSet changes, Principal who) {
        return ResponseEntity.status(HttpStatus.CREATED).body(editing.publish(
                changes.files() == null ? Map.of() : changes.files(), changes.baseVersion(), who.getName(), changes.message()));
    }

    @GetMapping("/revisions")
    List<Revision> revisions() {
        return editing.revisions();
    }

    @GetMapping("/diff")
    Map<String, List<LineDiff.Line>> diff(@RequestParam long from, @RequestParam long to) {
        return editing.diff(from, to);
    }

    @PostMapping("/revisions/{id}/revert")
    ResponseEntity<Revision> revert(@PathVariable long id, @RequestParam(defaultValue = "") String message,
            Principal who) {
        return ResponseEntity.status(HttpStatus.CREATED).body(editing.revert(id, who.getName(),
                message.isBlank() ? "revert" : message));
    }

    @GetMapping("/audit")
    List<Map<String, Object>> audit() {
        return editing.auditLog();
    }
}
