package io.jkeepalived.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pure parts of the differential config test: reading line numbers, comparing, the ratchet list. */
class DifferentialRatchetTest {

    private static ConfigComparison comparison(String id, ConfigCheckRun k, ConfigCheckRun jk) {
        return new ConfigComparison(new ConfigCase(id, Path.of("/x/" + id)), k, jk);
    }

    @Test
    void lineNumbersAreReadFromBothFormsAndRepeatsCountOnce() {
        ConfigCheckRun run = ConfigCheckRun.of(5, """
                (/etc/k.conf: Line 4) Unknown keyword 'priorty'
                (Line 4) Unknown keyword 'priorty'
                (inc/a.conf: Line 12) (VI_1) something (in parentheses)
                VI_1 and VI_2 both use VRID 51 with IPv4 on interface eth0
                """);
        assertThat(run.lines()).containsExactly(4, 12);
        assertThat(run.messageAt(12)).isEqualTo("(VI_1) something (in parentheses)");
    }

    @Test
    void toolsAgreeOnlyOnSameExitCodeAndSameLineSet() {
        ConfigCheckRun k = ConfigCheckRun.of(5, "(Line 3) x\n(f: Line 3) x\n");
        assertThat(k.agreesWith(ConfigCheckRun.of(5, "(f: Line 3) y"))).isTrue();
        assertThat(k.agreesWith(ConfigCheckRun.of(4, "(f: Line 3) y"))).isFalse();
        assertThat(k.agreesWith(ConfigCheckRun.of(5, "(f: Line 3) y\n(f: Line 4) z"))).isFalse();
    }

    @Test
    void summaryNamesExitCodesAndMissedAndExtraLines() {
        ConfigComparison c = comparison("a.conf", ConfigCheckRun.of(5, "(Line 4) Unknown keyword 'priorty'"),
                ConfigCheckRun.of(0, "(Line 9) extra one"));
        assertThat(c.summary()).isEqualTo(
                "exit 0 (keepalived 5); misses line 4 (Unknown keyword 'priorty'); extra line 9 (extra one)");
    }

    @Test
    void knownListSkipsCommentsAndKeepsReasons(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("K.txt"), "# comment\n\na.conf  parser gap\nsamples/b  \n");
        KnownDifferences known = KnownDifferences.read(f);
        assertThat(known.reasons()).containsExactly(Map.entry("a.conf", "parser gap"), Map.entry("samples/b", ""));
        assertThat(KnownDifferences.read(dir.resolve("absent")).reasons()).isEmpty();
    }

    @Test
    void statusTellsNewKnownFixedAndOk() {
        KnownDifferences known = new KnownDifferences(Map.of("listed.conf", "why"));
        ConfigCheckRun a = ConfigCheckRun.of(0, "");
        ConfigCheckRun b = ConfigCheckRun.of(5, "(Line 1) x");
        assertThat(DifferentialReport.status(comparison("listed.conf", a, a), known)).isEqualTo("FIXED");
        assertThat(DifferentialReport.status(comparison("listed.conf", a, b), known)).isEqualTo("known");
        assertThat(DifferentialReport.status(comparison("other.conf", a, b), known)).isEqualTo("NEW");
        assertThat(DifferentialReport.status(comparison("other.conf", a, a), known)).isEqualTo("ok");
    }

    @Test
    void renderedListKeepsOldReasonsAndDropsAgreeingConfigs() {
        KnownDifferences old = new KnownDifferences(Map.of("a.conf", "old reason", "fixed.conf", "was broken"));
        ConfigCheckRun ok = ConfigCheckRun.of(0, "");
        ConfigCheckRun bad = ConfigCheckRun.of(5, "(Line 2) y");
        String text = KnownDifferences.render(List.of(comparison("a.conf", ok, bad), comparison("fixed.conf", ok, ok),
                comparison("new.conf", bad, ok)), old);
        assertThat(text.lines().filter(l -> !l.startsWith("#")))
                .containsExactly("a.conf  old reason", "new.conf  exit 0 (keepalived 5); misses line 2 (y)");
    }
}
