package io.jkeepalived.vrrp.track;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.model.TrackProcess;
import io.jkeepalived.config.model.TrackProcess.ParamMatch;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which processes a vrrp_track_process counts (track_process.c check_params). */
class ProcessMatchTest {
    private static ProcessMatch match(String process, List<String> params, ParamMatch m, boolean full) {
        return new ProcessMatch(new TrackProcess("p", process, params, m, 0, false, 1, 0xFFFFFFFFL, 0, 0, 0, full));
    }

    private static boolean cmd(ProcessMatch m, String... argv) {
        StringBuilder sb = new StringBuilder();
        for (String a : argv) sb.append(a).append('\0');
        byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
        return m.matches(null, b, b.length);
    }

    @Test
    void byNameComparesComm() {
        ProcessMatch m = match("nginx", List.of(), ParamMatch.EXACT, false);
        assertThat(m.needsCommandLine()).isFalse();
        assertThat(m.matches("nginx", null, 0)).isTrue();
        assertThat(m.matches("nginx2", null, 0)).isFalse();
    }

    @Test
    void fullCommandComparesTheFirstWord() {
        ProcessMatch m = match("/usr/sbin/nginx", List.of(), ParamMatch.EXACT, true);
        assertThat(cmd(m, "/usr/sbin/nginx", "-g", "daemon off;")).isTrue();
        assertThat(cmd(m, "nginx")).isFalse();
    }

    @Test
    void exactParametersMustBeAllOfThem() {
        ProcessMatch m = match("/bin/sleep", List.of("100"), ParamMatch.EXACT, false);
        assertThat(cmd(m, "/bin/sleep", "100")).isTrue();
        assertThat(cmd(m, "/bin/sleep", "1000")).isFalse();
        assertThat(cmd(m, "/bin/sleep", "100", "x")).isFalse();
    }

    @Test
    void partialParametersAreALeadingList() {
        ProcessMatch m = match("/bin/sleep", List.of("100"), ParamMatch.PARTIAL, false);
        assertThat(cmd(m, "/bin/sleep", "100", "x")).isTrue();
        assertThat(cmd(m, "/bin/sleep", "1000")).isFalse();
    }

    @Test
    void initialParametersEndWithAPrefix() {
        ProcessMatch m = match("/bin/sleep", List.of("10"), ParamMatch.INITIAL, false);
        assertThat(cmd(m, "/bin/sleep", "1000")).isTrue();
        assertThat(cmd(m, "/bin/sleep", "10", "x")).isTrue();
        assertThat(cmd(m, "/bin/sleep", "200")).isFalse();
    }
}
