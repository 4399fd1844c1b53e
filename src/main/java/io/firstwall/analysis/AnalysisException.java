package io.firstwall.analysis;

/** The rules could not finish an analysis (a rule threw, or rules kept firing without end). */
public class AnalysisException extends RuntimeException {

    public AnalysisException(String message, Throwable cause) {
        super(message, cause);
    }
}
