package io.marquee.api.legacy;

/**
 * A lookup of the original contract matched no movie; that contract answers 404.
 */
class NoMatchException extends RuntimeException {

    NoMatchException(String message) {
        super(message, null, false, false);
    }
}
