package io.jkeepalived.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a root-level net_namespace, keepalived 2.2.7 -t reports only what its parent process read and exits 0,
 * even when a child's block lacks a parameter (measured in a scratch namespace).
 */
class NetNamespaceConfigTestTest {
    @TempDir
    Path dir;

    private LoadResult load(String text) throws IOException {
        Path f = dir.resolve("keepalived.conf");
        Files.writeString(f, text);
        return ConfigLoader.load(LoadOptions.of(f).withInterfaces(n -> n.equals("eth0")));
    }

    @Test
    void onlyTheParentsMessagesAndStatusZero() throws IOException {
        LoadResult r = load("net_namespace foo\nglobal_defs {\n  priorty 3\n}\n"
                + "vrrp_instance V {\n  priority 300\n  virtual_router_id\n}\n");
        assertThat(r.diagnostics()).extracting(Diagnostic::line).containsExactly(3);
        assertThat(r.configTestExitCode()).isZero();
    }

    @Test
    void withoutItTheChildrenSpeak() throws IOException {
        LoadResult r = load("global_defs {\n  priorty 3\n}\nvrrp_instance V {\n  interface eth0\n"
                + "  priority 300\n  virtual_router_id 5\n}\n");
        assertThat(r.diagnostics()).extracting(Diagnostic::line).contains(2, 6);
        assertThat(r.configTestExitCode()).isEqualTo(5);
    }
}
