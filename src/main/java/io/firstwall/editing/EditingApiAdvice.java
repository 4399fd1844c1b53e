package io.firstwall.editing;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused publish over REST: 409 for a conflict, 422 for files that do not compile or read, or a failing rule test. */
@RestControllerAdvice(assignableTypes = EditingApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class EditingApiAdvice {

    @ExceptionHandler(RefusedException.class)
    ResponseEntity<Map<String, Object>> refused(RefusedException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean conflict = e.isConflict();
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
