package io.firstwall.report;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The batch over REST (admins): start a run, list runs with their progress. */
@RestController
@RequestMapping(path = "/api/batch/runs", produces = MediaType.APPLICATION_JSON_VALUE)
class BatchApiController {

    private final BatchService batch;

    BatchApiController(BatchService batch) {
        this.batch = batch;
    }

    @GetMapping
    List<BatchService.RunView> runs() {
        return batch.runs();
    }

    /** 202 when a run starts, 409 when one is already going. */
    @PostMapping
    ResponseEntity<BatchService.StartResult> start() {
        BatchService.StartResult result = batch.start(false);
        return ResponseEntity.status(result.started() ? HttpStatus.ACCEPTED : HttpStatus.CONFLICT).body(result);
    }
}
