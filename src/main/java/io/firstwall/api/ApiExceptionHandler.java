package io.firstwall.api;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.firstwall.analysis.AnalysisException;
import io.firstwall.plan.InvalidPlanException;
import io.firstwall.system.NotFoundException;
import io.firstwall.system.TooBusyException;

/** Every API error as an RFC 9457 problem detail; never a stack trace. */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidPlanException.class)
    ProblemDetail invalidPlan(InvalidPlanException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The plan has " + e.problems().size() + " problem(s); each names its field.");
        problem.setTitle("Invalid plan");
        problem.setType(URI.create("urn:firstwall:problem:invalid-plan"));
        problem.setProperty("errors", e.problems());
        return problem;
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ProblemDetail tooLarge(PayloadTooLargeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        problem.setTitle("Plan too large");
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badArgument(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Bad request");
        return problem;
    }

    /** An upload over the limit: the import page gets its message back; the API gets a problem. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (request instanceof ServletWebRequest web) {
            String uri = web.getRequest().getRequestURI();
            for (String page : new String[] {"/plans", "/facts", "/rules"}) {
                if (uri.startsWith(page)) {
                    return ResponseEntity.status(HttpStatus.SEE_OTHER)
                            .location(URI.create(page + "?import=too-large")).build();
                }
            }
        }
        return super.handleMaxUploadSizeExceededException(ex, headers, status, request);
    }

    /** A body cut off at the size limit reaches here as an unreadable message; it is a 413, not a 400. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (ApiBodyLimitFilter.causedByLimit(ex)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is larger than 1 MiB, the limit for the API. Nothing was read or changed.");
            problem.setTitle("Request too large");
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
        }
        return super.handleHttpMessageNotReadable(ex, headers, status, request);
    }

    /** A user past the sampled-analysis quota: try again later, with when. */
    @ExceptionHandler(TooBusyException.class)
    ResponseEntity<ProblemDetail> tooBusy(TooBusyException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        problem.setTitle("Too many sampled analyses at once");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(e.retryAfterSeconds())).body(problem);
    }

    @ExceptionHandler(AnalysisException.class)
    ProblemDetail analysisFailed(AnalysisException e) {
        log.warn("Analysis failed: {}", e.getMessage(), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("The rules could not analyze this plan");
        return problem;
    }
}
