package io.jkeepalived.notify.smtp;

/**
 * Collects a server's reply bytes and finds the code of each complete reply, as smtp.c smtp_read_thread does:
 * lines end with CRLF, a line whose fourth character is '-' continues a multi-line reply, the code is the
 * first three characters of the last line. The buffer holds at most 1024 bytes (SMTP_BUFFER_MAX); more than
 * that without a complete reply is an overflow.
 */
final class SmtpReplies {
    static final int MAX = 1024;
    /** No complete reply yet. */
    static final int NONE = -1;
    /** The bytes would overflow the buffer. */
    static final int OVERFLOW = -2;

    private final byte[] buf = new byte[MAX];
    private int len;

    /** Room left for the next read; keepalived reads at most this much at once. */
    int room() {
        return MAX - len;
    }

    /**
     * Appends {@code n} bytes of {@code data} and answers the code of the first complete reply (consumed),
     * {@link #NONE} or {@link #OVERFLOW} (after which the buffer is empty).
     */
    int add(byte[] data, int off, int n) {
        if (len + n >= MAX) {
            len = 0;
            return OVERFLOW;
        }
        System.arraycopy(data, off, buf, len, n);
        len += n;
        return next();
    }

    /** The code of the next complete reply already buffered, or {@link #NONE}. */
    int next() {
        int start = 0;
        while (start < len) {
            int eol = crlf(start);
            if (eol < 0) break;
            if (eol - start > 3 && buf[start + 3] == '-') {
                start = eol + 2;
                continue;
            }
            int code = digit(start) * 100 + digit(start + 1) * 10 + digit(start + 2);
            consume(eol + 2);
            return code;
        }
        consume(start);
        return NONE;
    }

    // keepalived takes the three characters as digits whatever they are
    private int digit(int i) {
        return i < len ? buf[i] - '0' : -'0';
    }

    private int crlf(int from) {
        for (int i = from; i + 1 < len; i++) {
            if (buf[i] == '\r' && buf[i + 1] == '\n') return i;
        }
        return -1;
    }

    private void consume(int n) {
        System.arraycopy(buf, n, buf, 0, len - n);
        len -= n;
    }
}
