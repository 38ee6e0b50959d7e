package io.jkeepalived.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandLineLogTest {
    @Test
    void wrapsAtASpaceLikeKeepalived() {
        // keepalived 2.2.7 logged exactly these two lines for this command line (measured)
        String[] args = {"-n", "-l", "-D", "-f", "/tmp/v.conf", "-p", "/tmp/k.pid", "-r", "/tmp/kv.pid", "-c",
                         "/tmp/kc.pid", "-b", "/tmp/kb.pid"};
        assertThat(CommandLineLog.lines("/usr/sbin/keepalived", args)).containsExactly(
                "Command line: '/usr/sbin/keepalived' '-n' '-l' '-D' '-f' '/tmp/v.conf' '-p' '/tmp/k.pid' '-r'",
                "              '/tmp/kv.pid' '-c' '/tmp/kc.pid' '-b' '/tmp/kb.pid'");
    }

    @Test
    void aShortCommandLineIsOneLine() {
        assertThat(CommandLineLog.lines("keepalived", new String[] {"-n"}))
                .containsExactly("Command line: 'keepalived' '-n'");
    }

    @Test
    void aWordLongerThanALineIsCut() {
        String longWord = "x".repeat(150);
        assertThat(CommandLineLog.lines(longWord, new String[0])).hasSize(2)
                .allMatch(l -> l.length() <= 14 + 88);
    }
}
