package io.firstwall.api;

/** A request body above the configured limit. */
class PayloadTooLargeException extends RuntimeException {

    PayloadTooLargeException(long size, long limit) {
        super("the plan is " + size + " characters; the limit is " + limit);
    }
}
