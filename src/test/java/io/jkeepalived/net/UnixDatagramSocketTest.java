package io.jkeepalived.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnixDatagramSocketTest {
    @TempDir
    Path dir;

    @Test
    void aDatagramSentToABoundPathArrivesWhole() throws Exception {
        Path p = dir.resolve("s");
        try (UnixDatagramSocket rx = UnixDatagramSocket.open(); UnixDatagramSocket tx = UnixDatagramSocket.open()) {
            rx.bind(p);
            byte[] msg = "<30>Nov  5 14:15:30 Keepalived[1]: hello".getBytes(StandardCharsets.US_ASCII);
            tx.sendTo(msg, msg.length, p);
            tx.sendTo(msg, 4, p);
            byte[] buf = new byte[256];
            assertThat(new String(buf, 0, rx.receive(buf), StandardCharsets.US_ASCII)).isEqualTo(new String(msg, StandardCharsets.US_ASCII));
            assertThat(rx.receive(buf)).isEqualTo(4);
        }
    }

    @Test
    void sendingToNothingReportsErrnoEnoent() throws Exception {
        try (UnixDatagramSocket tx = UnixDatagramSocket.open()) {
            byte[] m = {1};
            assertThatThrownBy(() -> tx.sendTo(m, 1, dir.resolve("absent")))
                    .isInstanceOfSatisfying(UnixDatagramSocket.ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(2));
        }
    }

    @Test
    void bindingTwiceToOnePathIsRefused() throws Exception {
        Path p = dir.resolve("s");
        try (UnixDatagramSocket a = UnixDatagramSocket.open(); UnixDatagramSocket b = UnixDatagramSocket.open()) {
            a.bind(p);
            assertThatThrownBy(() -> b.bind(p)).isInstanceOfSatisfying(UnixDatagramSocket.ErrnoException.class,
                    e -> assertThat(e.errno()).isEqualTo(98));
        }
    }
}
