package io.jkeepalived.net;

/**
 * A kernel call failed. Carries the operation (the libc function and what it was doing) and the errno,
 * with the C library's text for it, so nothing fails silently and the log says what the kernel said.
 */
public class NetException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String operation;
    private final int errno;

    public NetException(String operation, int errno, String errnoText) {
        super(operation + ": " + errnoText + " (errno " + errno + ")");
        this.operation = operation;
        this.errno = errno;
    }

    /** A failure with no errno behind it, e.g. a malformed netlink reply. */
    public NetException(String operation, String reason) {
        super(operation + ": " + reason);
        this.operation = operation;
        this.errno = 0;
    }

    public String operation() {
        return operation;
    }

    /** The kernel's errno, or 0 when the failure did not come from errno. */
    public int errno() {
        return errno;
    }
}
