package io.jkeepalived.check;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An HTTP response read the way keepalived's checker reads it (lib/html.c, check_http.c): the header ends at
 * the first CRLFCRLF; the status code is the three digits after the first space; {@code Content-Length:}
 * (case as written) cuts the body; the MD5 digest covers the body only. Pure: bytes in, verdict out.
 */
public final class HttpResponse {
    /** How much of the body is kept for a regex (keepalived matches within its 4 kB buffer windows). */
    private static final int KEEP_BODY = 1 << 20;

    private final ByteArrayOutputStream header = new ByteArrayOutputStream();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final MessageDigest md5;
    private boolean headerDone;
    private int status;
    private long contentLength = -1;
    private long bodyBytes;
    private int crlfState;
    private String digest;

    public HttpResponse() {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Feeds the next bytes read from the server. */
    public void feed(byte[] buf, int off, int len) {
        int i = off;
        int end = off + len;
        while (!headerDone && i < end) {
            byte b = buf[i++];
            header.write(b);
            crlfState = switch (crlfState) {
                case 0, 2 -> b == '\r' ? crlfState + 1 : 0;
                case 1 -> b == '\n' ? 2 : b == '\r' ? 1 : 0;
                case 3 -> b == '\n' ? 4 : b == '\r' ? 1 : 0;
                default -> 0;
            };
            if (crlfState == 4) {
                headerDone = true;
                String h = header.toString(StandardCharsets.ISO_8859_1);
                status = statusCode(h);
                contentLength = contentLength(h);
            }
        }
        if (headerDone && i < end) body(buf, i, end - i);
    }

    private void body(byte[] buf, int off, int len) {
        long take = len;
        if (contentLength >= 0) take = Math.max(0, Math.min(len, contentLength - bodyBytes));
        if (take > 0) md5.update(buf, off, (int) take);
        bodyBytes += len;
        int keep = (int) Math.min(len, Math.max(0, KEEP_BODY - body.size()));
        body.write(buf, off, keep);
    }

    /** Whether a whole header arrived (keepalived: "Read, no data received" otherwise). */
    public boolean hasHeader() {
        return headerDone;
    }

    public int status() {
        return status;
    }

    /** The Content-Length header's value, or -1. */
    public long contentLength() {
        return contentLength;
    }

    public long bodyBytes() {
        return bodyBytes;
    }

    /** The body's MD5 as 32 lower-case hex digits (once asked, the response is complete). */
    public String digest() {
        if (digest == null) digest = HexFormat.of().formatHex(md5.digest());
        return digest;
    }

    public String bodyText() {
        return body.toString(StandardCharsets.ISO_8859_1);
    }

    /** lib/html.c extract_status_code: the code between the version and the reason, else 0. */
    static int statusCode(String h) {
        int sp = 0;
        while (sp < h.length() && h.charAt(sp) != ' ' && h.charAt(sp) != '\r') sp++;
        if (sp >= h.length() || h.charAt(sp) != ' ') return 0;
        int s = sp + 1;
        if (s + 3 >= h.length() || h.charAt(s) == ' ' || h.charAt(s + 3) != ' ') return 0;
        for (int k = s; k < s + 3; k++) if (!Character.isDigit(h.charAt(k))) return 0;
        return Integer.parseInt(h.substring(s, s + 3));
    }

    /** lib/html.c extract_content_length: "Content-Length:" then a number ending the line, else -1. */
    static long contentLength(String h) {
        int at = h.indexOf("Content-Length:");
        if (at < 0) return -1;
        int i = at + "Content-Length:".length();
        while (i < h.length() && (h.charAt(i) == ' ' || h.charAt(i) == '\t')) i++;
        int start = i;
        while (i < h.length() && Character.isDigit(h.charAt(i))) i++;
        if (i < h.length() && h.charAt(i) != '\r' && h.charAt(i) != '\n') return -1;
        return start == i ? 0 : Long.parseLong(h.substring(start, i));
    }
}
