package io.jkeepalived.config.parse;

/**
 * A keyword lacks a value its handler needs. keepalived reports it and exits with status 2 at once,
 * even under {@code -t}; the parser stops the load in the same way.
 */
public final class MissingParameterException extends RuntimeException {
    public MissingParameterException(String message) {
        super(message, null, false, false);
    }
}
