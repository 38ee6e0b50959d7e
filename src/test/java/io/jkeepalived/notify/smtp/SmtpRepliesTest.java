package io.jkeepalived.notify.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reply framing as smtp.c reads it: CRLF lines, '-' continuations, the code of the last line. */
class SmtpRepliesTest {
    private final SmtpReplies replies = new SmtpReplies();

    private int add(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return replies.add(b, 0, b.length);
    }

    @Test
    void multiLineReplyIsReadToItsLastLine() {
        assertThat(add("250-first\r\n250-second\r\n")).isEqualTo(SmtpReplies.NONE);
        assertThat(add("251 last\r\n")).isEqualTo(251);
        assertThat(replies.next()).isEqualTo(SmtpReplies.NONE);
    }

    @Test
    void replySplitAcrossReadsIsJoined() {
        assertThat(add("22")).isEqualTo(SmtpReplies.NONE);
        assertThat(add("0 hello\r")).isEqualTo(SmtpReplies.NONE);
        assertThat(add("\n")).isEqualTo(220);
    }

    @Test
    void secondReplyInOneReadWaitsForTheNextAsk() {
        assertThat(add("250 a\r\n354 b\r\n")).isEqualTo(250);
        assertThat(replies.next()).isEqualTo(354);
    }

    @Test
    void bareCodeLineCounts() {
        assertThat(add("221\r\n")).isEqualTo(221);
    }

    @Test
    void finishedContinuationLinesAreDropped() {
        assertThat(add("250-" + "x".repeat(900) + "\r\n")).isEqualTo(SmtpReplies.NONE);
        assertThat(replies.room()).isEqualTo(SmtpReplies.MAX);
    }

    @Test
    void aThousandBytesWithoutAReplyOverflow() {
        assertThat(add("250-" + "x".repeat(500))).isEqualTo(SmtpReplies.NONE);
        assertThat(add("y".repeat(600))).isEqualTo(SmtpReplies.OVERFLOW);
        assertThat(add("250 ok\r\n")).isEqualTo(250);
    }
}
