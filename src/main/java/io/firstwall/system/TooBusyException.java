package io.firstwall.system;

/**
 * A request the service turns away for now, because its user already has as many sampled analyses
 * running as anyone may: a 429 with Retry-After, never a wait behind them.
 */
public class TooBusyException extends RuntimeException {

    private final int retryAfterSeconds;

    public TooBusyException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** When to try again, in seconds. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
