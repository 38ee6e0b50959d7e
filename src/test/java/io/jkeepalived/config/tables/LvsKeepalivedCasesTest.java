package io.jkeepalived.config.tables;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.ConfigLoader;
import io.jkeepalived.config.LoadOptions;
import io.jkeepalived.config.LoadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Configs whose {@code keepalived -t} outcome (exit code and the set of lines with diagnostics, 0 = no line)
 * was recorded from Debian's keepalived 2.2.7 in a scratch namespace; each .expected file also keeps
 * keepalived's messages as comments.
 */
class LvsKeepalivedCasesTest {
    private static final Path DIR = Path.of("src/test/resources/lvs-cases");

    static Stream<String> cases() throws IOException {
        try (var s = Files.list(DIR)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".conf"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesKeepalivedExitCodeAndLines(String name) throws IOException {
        String conf = Files.readString(DIR.resolve(name + ".conf"));
        List<String> exp = Files.readAllLines(DIR.resolve(name + ".expected"));
        int rc = Integer.parseInt(exp.get(0).substring(3));
        String lineText = exp.get(1).substring(6);
        TreeSet<Integer> lines = new TreeSet<>();
        if (!lineText.isBlank()) Arrays.stream(lineText.split(",")).map(Integer::parseInt).forEach(lines::add);

        // the fixture's splitter does not report quoting errors: those cases go through the real lexer only
        if (exp.stream().noneMatch(l -> l.contains("quote"))) {
            LvsFixture.Result r = LvsFixture.parse(conf);
            assertThat(r.exitCode()).as("exit code; got %s", r.messages()).isEqualTo(rc);
            assertThat(r.lines()).as("lines with diagnostics; got %s", r.messages()).isEqualTo(lines);
        }

        // and through the real lexer and loader
        LoadResult lr = ConfigLoader.load(LoadOptions.of(DIR.resolve(name + ".conf")).withInterfaces(n -> n.equals("eth0") || n.equals("lo")));
        TreeSet<Integer> got = new TreeSet<>();
        lr.diagnostics().forEach(d -> got.add(d.line()));
        assertThat(lr.configTestExitCode()).as("loader exit code; got %s", lr.diagnostics()).isEqualTo(rc);
        assertThat(got).as("loader lines; got %s", lr.diagnostics()).isEqualTo(lines);
    }
}
