package io.firstwall.editing;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Collection;
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

import io.firstwall.facts.Fact;
import io.firstwall.system.NotFoundException;
import io.firstwall.analysis.LiveAnalysis;

/** The fact base over REST: read and export for everyone; validate, publish and revert for experts and admins. */
@RestController
@RequestMapping(path = "/api/facts", produces = MediaType.APPLICATION_JSON_VALUE)
class FactEditingApiController {

    private final FactEditingService editing;
    private final LiveAnalysis live;

    FactEditingApiController(FactEditingService editing, LiveAnalysis live) {
        this.editing = editing;
        this.live = live;
    }

    /**
     * A change set: fact files to write (path under data/, e.g. {@code facts/power.csv}; null deletes),
     * the version it was made on, why, and whether failing rule test scenarios take the new answers.
     */
    record ChangeSet(Map<String, String> files, String baseVersion, String message, Boolean acceptNewAnswers) {
    }

    record FactSet(String version, Collection<Fact> facts, Collection<String> files) {
    }

    @GetMapping
    FactSet current() {
        return new FactSet(editing.liveVersion(), live.facts().facts(), editing.liveFiles().keySet());
    }

    /** One fact file as CSV. */
    @GetMapping(path = "/files", produces = "text/csv")
    ResponseEntity<String> file(@RequestParam String path) {
        String text = editing.liveFiles().get(path);
        if (text == null) {
            throw new NotFoundException("There is no fact file " + path + ".");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(text);
    }

    @PostMapping(path = "/validate", consumes = MediaType.APPLICATION_JSON_VALUE)
    Validation validate(@RequestBody ChangeSet changes) {
        return editing.validate(changes.files() == null ? Map.of() : changes.files());
    }

    @PostMapping(path = "/publish", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Revision> publish(@RequestBody ChangeSet changes, Principal who) {
        return ResponseEntity.status(HttpStatus.CREATED).body(editing.publish(changes.files() == null ? Map.of()
                : changes.files(), changes.baseVersion(), who.getName(), changes.message(), Boolean.TRUE.equals(changes.acceptNewAnswers())));
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
            @RequestParam(defaultValue = "false") boolean acceptNewAnswers, Principal who) {
        return ResponseEntity.status(HttpStatus.CREATED).body(editing.revert(id, who.getName(),
                message.isBlank() ? "revert" : message, acceptNewAnswers));
    }
}
