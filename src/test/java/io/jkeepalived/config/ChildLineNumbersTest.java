package io.jkeepalived.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * keepalived's child processes read the parent's copy of the config, in which every piece fgets() read is a
 * line ending in '\n': a last line without a newline is one line further on for them than for the parent,
 * so keepalived 2.2.7 -t names both numbers for an error there (measured: lines 7, 11 and 12 below).
 */
class ChildLineNumbersTest {
    @TempDir
    Path dir;

    private Set<Integer> lines(String text) throws IOException {
        Path f = dir.resolve("keepalived.conf");
        Files.writeString(f, text);
        LoadResult r = ConfigLoader.load(LoadOptions.of(f).withInterfaces(n -> n.equals("eth0")));
        Set<Integer> s = new TreeSet<>();
        r.diagnostics().forEach(d -> s.add(d.line()));
        return s;
    }

    @Test
    void anErrorOnALastLineWithoutNewlineIsNamedAtBothNumbers() throws IOException {
        String conf = "global_defs {\n  router_id A\n}\nvrrp_instance V {\n  interface eth0\n"
                + "  virtual_router_id 5\n  priorty 5\n  virtual_ipaddress {\n   10.99.0.1\n  }\n}\nfoo";
        assertThat(lines(conf)).containsExactly(7, 11, 12);
    }

    @Test
    void withTheNewlineBothProcessesAgree() throws IOException {
        String conf = "global_defs {\n  router_id A\n}\nvrrp_instance V {\n  interface eth0\n"
                + "  virtual_router_id 5\n  priorty 5\n  virtual_ipaddress {\n   10.99.0.1\n  }\n}\nfoo\n";
        assertThat(lines(conf)).containsExactly(7, 12);
    }
}
