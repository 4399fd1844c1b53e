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

import io.firstwall.analysis.LiveAnalysis;
import io.firstwall.rules.RuleInfo;

/** Rule editing over REST, for experts and admins: validate, publish, history, diff, revert. */
@RestController
@RequestMapping(path = "/api/rules", produces = MediaType.APPLICATION_JSON_VALUE)
class RuleEditingApiController extends EditingApiController {

    private final RuleEditingService editing;
    private final LiveAnalysis live;

    RuleEditingApiController(RuleEditingService editing, LiveAnalysis live) {
        this.editing = editing;
        this.live = live;
    }

    @Override
    Editor<?> editor() {
        return editing;
    }

    record RuleSet(String version, List<RuleInfo> rules, Map<String, String> files) {
    }

    @GetMapping
    RuleSet current() {
        return new RuleSet(editing.liveVersion(), live.analyzer().rules().rules(), editing.liveFiles());
    }

    @PostMapping(path = "/publish", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Revision> publish(@RequestBody ChangeSet changes, Principal who) {
        refuseNewAnswers(changes.accept());
        return ResponseEntity.status(HttpStatus.CREATED).body(editing.publish(changes.filesOrNone(),
                changes.baseVersion(), who.getName(), changes.message()));
    }

    @PostMapping("/revisions/{id}/revert")
    ResponseEntity<Revision> revert(@PathVariable long id, @RequestParam(defaultValue = "") String message,
            @RequestParam(defaultValue = "false") boolean acceptNewAnswers, Principal who) {
        refuseNewAnswers(acceptNewAnswers);
        return ResponseEntity.status(HttpStatus.CREATED).body(editing.revert(id, who.getName(),
                message.isBlank() ? "revert" : message));
    }

    /** A rule change takes new answers only by changing the rule tests in the same change set, on purpose. */
    private static void refuseNewAnswers(boolean accept) {
        if (accept) {
            throw new RefusedException("acceptNewAnswers is for fact changes; for rules, change the failing rule"
                    + " test's expectation (tests/NAME.json) in the same change set. Nothing was published.");
        }
    }
}
