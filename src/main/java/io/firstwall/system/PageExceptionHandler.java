package io.firstwall.system;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import io.firstwall.analysis.AnalysisException;
import io.firstwall.plan.InvalidPlanException;

/** Friendly error pages for the browser pages; the REST API has its own problem details. */
@ControllerAdvice(assignableTypes = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return page(HttpStatus.NOT_FOUND, e.getMessage() + " It may have been deleted.");
    }

    @ExceptionHandler(InvalidPlanException.class)
    ModelAndView invalidSavedPlan(InvalidPlanException e) {
        return page(HttpStatus.UNPROCESSABLE_CONTENT, "This saved plan no longer fits the fact base: "
                + e.getMessage() + ". Edit the plan, or check the regions and accelerators in data/.");
    }

    @ExceptionHandler(TooBusyException.class)
    ModelAndView tooBusy(TooBusyException e, HttpServletResponse response) {
        response.setHeader("Retry-After", Integer.toString(e.retryAfterSeconds()));
        return page(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
    }

    @ExceptionHandler(AnalysisException.class)
    ModelAndView analysisFailed(AnalysisException e) {
        log.warn("Analysis failed: {}", e.getMessage(), e);
        return page(HttpStatus.UNPROCESSABLE_CONTENT, "The rules could not analyze this plan: " + e.getMessage());
    }

    static ModelAndView page(HttpStatus status, String friendly) {
        ModelAndView mav = new ModelAndView("error");
        mav.setStatus(status);
        mav.addObject("status", status.value());
        mav.addObject("friendly", friendly);
        return mav;
    }
}
