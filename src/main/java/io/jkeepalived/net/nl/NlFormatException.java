package io.jkeepalived.net.nl;

/** Bytes that do not form valid netlink (a length running past its container, a short header). */
public final class NlFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NlFormatException(String message) {
        super(message);
    }
}
