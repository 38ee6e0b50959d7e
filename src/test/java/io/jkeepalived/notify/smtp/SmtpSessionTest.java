package io.jkeepalived.notify.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** One alert's SMTP conversation against a scripted server on loopback: bytes and log lines as keepalived's. */
class SmtpSessionTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T16:50:54Z"), ZoneOffset.UTC);
    private static final SmtpAlert MASTER = SmtpAlert.instance("RID1", "VI_1", AlertState.MASTER);

    private final List<String> log = new CopyOnWriteArrayList<>();

    private SmtpSession session(String host, int port, Duration timeout, boolean detail) {
        SmtpSettings s = new SmtpSettings(host, port, "vm", "kf@example.com", List.of("a@example.com", "b@example.com"),
                timeout, "RID1", detail);
        return new SmtpSession(s, log::add, CLOCK);
    }

    @Test
    void sendsKeepalivedsDialogueByteForByte() throws IOException {
        try (FakeSmtpServer server = new FakeSmtpServer(FakeSmtpServer::standard)) {
            boolean sent = session("127.0.0.1", server.port(), Duration.ofSeconds(5), true).send(MASTER, Duration.ofSeconds(20));

            assertThat(sent).isTrue();
            assertThat(server.conversations()).containsExactly(""
                    + "HELO vm\r\n"
                    + "MAIL FROM:<kf@example.com>\r\n"
                    + "RCPT TO:<a@example.com>\r\n"
                    + "RCPT TO:<b@example.com>\r\n"
                    + "DATA\r\n"
                    + "Date: Wed, 25 Nov 2026 16:50:54 +0000\r\n"
                    + "From: kf@example.com\r\n"
                    + "Subject: [RID1] VRRP Instance VI_1 - Entering MASTER state\r\n"
                    + "X-Mailer: Keepalived\r\n"
                    + "To: a@example.com, b@example.com\r\n"
                    + "\r\n"
                    + "=> VRRP Instance is now owning VRRP VIPs <=\r\n"
                    + "\r\n.\r\n"
                    + "QUIT\r\n");
            assertThat(log).containsExactly(
                    "Remote SMTP server [127.0.0.1]:" + server.port() + " connected.",
                    "SMTP alert successfully sent.");
        }
    }

    @Test
    void withoutDetailLoggingASuccessSaysNothing() throws IOException {
        try (FakeSmtpServer server = new FakeSmtpServer(FakeSmtpServer::standard)) {
            assertThat(session("127.0.0.1", server.port(), Duration.ofSeconds(5), false).send(MASTER, Duration.ofSeconds(20)))
                    .isTrue();
            assertThat(log).isEmpty();
        }
    }

    @Test
    void rejectedRecipientIsLoggedWithItsCodeAndAnsweredWithQuit() throws IOException {
        try (FakeSmtpServer server = new FakeSmtpServer(c -> c.startsWith("RCPT") ? "550 no such user\r\n"
                : FakeSmtpServer.standard(c))) {
            boolean sent = session("127.0.0.1", server.port(), Duration.ofSeconds(5), false).send(MASTER, Duration.ofSeconds(20));

            assertThat(sent).isFalse();
            assertThat(server.conversations()).containsExactly(
                    "HELO vm\r\nMAIL FROM:<kf@example.com>\r\nRCPT TO:<a@example.com>\r\nQUIT\r\n");
            assertThat(log).containsExactly("Error processing RCPT cmd on SMTP server [127.0.0.1]:" + server.port()
                    + ". SMTP status code = 550");
        }
    }

    @Test
    void wrongGreetingIsNamedAsKeepalivedNamesIt() throws IOException {
        try (FakeSmtpServer server = new FakeSmtpServer(c -> c.equals(FakeSmtpServer.GREETING) ? "554 go away\r\n"
                : FakeSmtpServer.standard(c))) {
            session("127.0.0.1", server.port(), Duration.ofSeconds(5), false).send(MASTER, Duration.ofSeconds(20));

            assertThat(log).containsExactly("Error processing (E)SMTP cmd on SMTP server [127.0.0.1]:" + server.port()
                    + ". SMTP status code = 554");
            assertThat(server.conversations()).containsExactly("QUIT\r\n");
        }
    }

    @Test
    void silentServerGetsQuitAfterOneTimeoutAndIsLeftAfterTheSecond() throws IOException {
        try (FakeSmtpServer server = new FakeSmtpServer(c -> null)) {
            long t0 = System.nanoTime();
            boolean sent = session("127.0.0.1", server.port(), Duration.ofMillis(300), false).send(MASTER, Duration.ofSeconds(20));
            long ms = (System.nanoTime() - t0) / 1_000_000;

            assertThat(sent).isFalse();
            String line = "Timeout reading data to remote SMTP server [127.0.0.1]:" + server.port() + ".";
            assertThat(log).containsExactly(line, line);
            assertThat(server.conversations()).containsExactly("QUIT\r\n");
            assertThat(ms).isBetween(550L, 5_000L);
        }
    }

    @Test
    void serverThatHangsUpIsLogged() throws IOException {
        try (FakeSmtpServer server = new FakeSmtpServer(c -> c.startsWith("MAIL") ? FakeSmtpServer.HANG_UP
                : FakeSmtpServer.standard(c))) {
            boolean sent = session("127.0.0.1", server.port(), Duration.ofSeconds(5), false).send(MASTER, Duration.ofSeconds(20));

            assertThat(sent).isFalse();
            assertThat(log).containsExactly("Remote SMTP server [127.0.0.1]:" + server.port() + " has closed the connection.");
        }
    }

    @Test
    void resetConnectionIsTheReadErrorLineOfKeepalived() throws IOException {
        try (FakeSmtpServer server = new FakeSmtpServer(c -> c.startsWith("HELO") ? FakeSmtpServer.RESET
                : FakeSmtpServer.standard(c))) {
            boolean sent = session("127.0.0.1", server.port(), Duration.ofSeconds(5), false).send(MASTER, Duration.ofSeconds(20));

            assertThat(sent).isFalse();
            assertThat(log).hasSize(1);
            assertThat(log.getFirst()).matches("smtp fd \\d+ returned read error");
        }
    }

    @Test
    void refusedConnectionIsTheWriteErrorLineOfKeepalived() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        boolean sent = session("127.0.0.1", port, Duration.ofSeconds(5), true).send(MASTER, Duration.ofSeconds(20));

        assertThat(sent).isFalse();
        assertThat(log).hasSize(1);
        assertThat(log.getFirst()).matches("smtp fd \\d+ returned write error");
    }

    @Test
    void tricklingServerIsBoundByTheOverallDeadline() throws Exception {
        // a greeting that never ends: one byte per 50 ms keeps every read within smtp_connect_timeout
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread trickle = Thread.ofVirtual().start(() -> {
                try (java.net.Socket c = server.accept()) {
                    while (true) {
                        c.getOutputStream().write('2');
                        c.getOutputStream().flush();
                        Thread.sleep(50);
                    }
                } catch (IOException | InterruptedException e) {
                    // the client left, or the test is over
                }
            });
            long t0 = System.nanoTime();
            // a 2 s read timeout: even on a loaded machine no gap between trickled bytes comes near it
            boolean sent = session("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(2), false)
                    .send(MASTER, Duration.ofMillis(2_500));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            trickle.interrupt();

            assertThat(sent).isFalse();
            assertThat(ms).isBetween(2_450L, 8_000L);
            assertThat(log).containsExactly(
                    "Timeout reading data to remote SMTP server [127.0.0.1]:" + server.getLocalPort() + ".");
        }
    }

    @Test
    void ipv6ServerIsNamedInBrackets() throws IOException {
        InetAddress v6 = InetAddress.getByName("::1");
        try (FakeSmtpServer server = new FakeSmtpServer(v6, FakeSmtpServer::standard)) {
            assertThat(session("::1", server.port(), Duration.ofSeconds(5), true).send(MASTER, Duration.ofSeconds(20))).isTrue();
            assertThat(log).first().isEqualTo("Remote SMTP server [::1]:" + server.port() + " connected.");
        }
    }
}
