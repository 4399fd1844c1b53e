package io.firstwall.editing;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What the rules and facts APIs offer the same way: validate a change set, list revisions, diff two,
 * read the audit log. Each subclass maps it under its own path and adds publish and revert.
 */
abstract class EditingApiController {

    /**
     * A change set: files to write (path to text; null deletes), the version it was made on, why,
     * and whether failing rule tests take the new answers (facts only).
     */
    record ChangeSet(Map<String, String> files, String baseVersion, String message, Boolean acceptNewAnswers) {

        Map<String, String> filesOrNone() {
            return files == null ? Map.of() : files;
        }

        boolean accept() {
            return Boolean.TRUE.equals(acceptNewAnswers);
        }
    }

    abstract Editor<?> editor();

    @PostMapping(path = "/validate", consumes = MediaType.APPLICATION_JSON_VALUE)
    Validation validate(@RequestBody ChangeSet changes) {
        return editor().validate(changes.filesOrNone());
    }

    @GetMapping("/revisions")
    List<Revision> revisions() {
        return editor().revisions();
    }

    @GetMapping("/diff")
    Map<String, List<LineDiff.Line>> diff(@RequestParam long from, @RequestParam long to) {
        return editor().diff(from, to);
    }

    @GetMapping("/audit")
    List<Map<String, Object>> audit() {
        return editor().auditLog();
    }
}
