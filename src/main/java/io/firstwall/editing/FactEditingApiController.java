package io.firstwall.editing;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Collection;

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

import io.firstwall.analysis.LiveAnalysis;
import io.firstwall.facts.Fact;
import io.firstwall.system.NotFoundException;

/** The fact base over REST: read and export for everyone; validate, publish and revert for experts and admins. */
@RestController
@RequestMapping(path = "/api/facts", produces = MediaType.APPLICATION_JSON_VALUE)
class FactEditingApiController extends EditingApiController {

    private final FactEditingService editing;
    private final LiveAnalysis live;

    FactEditingApiController(FactEditingService editing, LiveAnalysis live) {
        this.editing = editing;
        this.live = live;
    }

    @Override
    Editor<?> editor() {
        return editing;
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

    /** Publishes fact files (paths under data/, e.g. {@code facts/power.csv}). */
    @PostMapping(path = "/publish", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Revision> publish(@RequestBody ChangeSet changes, Principal who) {
        return ResponseEntity.status(HttpStatus.CREATED).body(editing.publish(changes.filesOrNone(),
                changes.baseVersion(), who.getName(), changes.message(), changes.accept()));
    }

    @PostMapping("/revisions/{id}/revert")
    ResponseEntity<Revision> revert(@PathVariable long id, @RequestParam(defaultValue = "") String message,
            @RequestParam(defaultValue = "false") boolean acceptNewAnswers, Principal who) {
        return ResponseEntity.status(HttpStatus.CREATED).body(editing.revert(id, who.getName(),
                message.isBlank() ? "revert" : message, acceptNewAnswers));
    }
}
