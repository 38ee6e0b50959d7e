package io.jkeepalived.check;

/** What one probe of a real server found; the cycle turns it into keepalived's verdict. */
public sealed interface Outcome {
    /**
     * The service answered as required.
     *
     * @param detail HTTP_GET/SSL_GET: what was checked last ("HTTP status code", "MD5 digest", "Regex match")
     * @param status MISC_CHECK: the exit status (0, or 2..255 with misc_dynamic)
     */
    record Up(String detail, int status) implements Outcome {
        public static final Up PLAIN = new Up("", 0);
    }

    /**
     * It did not.
     *
     * @param detail the checker's words for why, as keepalived logs them ("Timeout connecting",
     *               "Read timeout from server [10.0.0.1]:25", "read timeout from socket", "exited with status")
     * @param code   MISC_CHECK: the exit status or signal number
     * @param timeout a connect timeout (TCP_CHECK logs "timeout." rather than "failed.")
     */
    record Down(String detail, int code, boolean timeout) implements Outcome {
        public Down(String detail) {
            this(detail, 0, false);
        }
    }

    /** MISC_CHECK: the script was killed after misc_timeout. */
    record TimedOut() implements Outcome {}

    /** MISC_CHECK: the script died of a signal it was not sent. */
    record Signalled(int signal) implements Outcome {}

    static Up up() {
        return Up.PLAIN;
    }
}
