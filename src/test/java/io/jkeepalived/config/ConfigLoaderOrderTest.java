package io.jkeepalived.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lexer's messages among the keyword messages, and an include error's effect, as keepalived 2.2.7 -t
 * prints them (measured with {@code keepalived -t -f X -p … -r … -c …} in a scratch namespace).
 */
class ConfigLoaderOrderTest {
    @TempDir
    Path dir;

    private LoadResult load(String text) throws IOException {
        Path f = dir.resolve("keepalived.conf");
        Files.writeString(f, text.replace("MISSING", dir.resolve("missing.conf").toString()));
        return ConfigLoader.load(LoadOptions.of(f).withInterfaces(n -> n.equals("eth0")));
    }

    private static List<String> messages(LoadResult r) {
        return r.diagnostics().stream().map(d -> d.line() + " " + d.message()).toList();
    }

    @Test
    void lexerMessagesComeJustBeforeTheirLinesOwnErrors() throws IOException {
        LoadResult r = load("""
                global_defs {
                    router_id X
                    bogus_global
                }
                include MISSING
                vrrp_instance VI {
                    bogus_vrrp
                }
                }
                """);
        assertThat(messages(r).subList(0, 4)).containsExactly(
                "3 Unknown keyword 'bogus_global'",
                "5 Config files missing '" + dir.resolve("missing.conf") + "'.",
                "9 Extra '}' found",
                "9 Unknown keyword '}'");
        assertThat(r.fileError()).isFalse();
        assertThat(messages(r)).contains("7 Unknown keyword 'bogus_vrrp'");
        assertThat(r.configTestExitCode()).isEqualTo(5);
    }

    @Test
    void anIncludeErrorUnderIncludeCheckGivesSixWithTheParentsMessagesOnly() throws IOException {
        LoadResult r = load("""
                global_defs {
                    include_check
                }
                global_defs {
                    router_id X
                    bogus_global
                }
                include MISSING
                vrrp_instance VI {
                    bogus_vrrp
                }
                }
                """);
        assertThat(r.fileError()).isTrue();
        assertThat(r.configTestExitCode()).isEqualTo(6);
        assertThat(messages(r)).containsExactly(
                "6 Unknown keyword 'bogus_global'",
                "8 Config files missing '" + dir.resolve("missing.conf") + "'.",
                "12 Extra '}' found",
                "12 Unknown keyword '}'");
    }

    @Test
    void aMissingBraceAtTheEndIsTheParentsLastReadMessage() throws IOException {
        LoadResult r = load("""
                global_defs {
                    bogus_global
                """);
        assertThat(messages(r)).containsExactly(
                "2 Unknown keyword 'bogus_global'",
                "0 There are 1 missing '}'s or extra '{'s");
    }
}
