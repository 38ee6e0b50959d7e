package io.jkeepalived.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.harness.NetLab;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code bin/jkeepalived demo}: an election, a hard kill, a timed take-over, and nothing left behind. */
@Tag("integration")
class DemoScriptTest {

    @Test
    void demoShowsTheTakeOverAndRemovesItsNamespaces() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(NetLab.home().resolve("bin/jkeepalived").toString(), "demo")
                .redirectErrorStream(true).start();
        boolean done = p.waitFor(150, TimeUnit.SECONDS);
        if (!done) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(done).as(out).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("node a is MASTER").contains("node b is BACKUP");
        Matcher m = Pattern.compile("take-over (\\d+)\\.(\\d{3}) s after the kill").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        long ms = Long.parseLong(m.group(1)) * 1_000 + Long.parseLong(m.group(2));
        assertThat(ms).as("take-over, ms").isBetween(1_500L, 6_000L);
        String prefix = "jkt-" + p.pid() + "-demo";
        Process list = new ProcessBuilder("ip", "netns", "list").redirectErrorStream(true).start();
        List<String> left = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains("-demo-")).toList();
        list.waitFor(10, TimeUnit.SECONDS);
        assertThat(left).as("namespaces left by " + prefix).noneMatch(l -> l.startsWith(prefix));
    }
}
