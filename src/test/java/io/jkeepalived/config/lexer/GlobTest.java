package io.jkeepalived.config.lexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** glob(3) with GLOB_MARK | GLOB_BRACE and keepalived's missing-file counters; fnmatch(3) with FNM_PERIOD. */
class GlobTest {
    @TempDir
    Path dir;

    private void files(String... names) throws Exception {
        for (String n : names) {
            Path p = dir.resolve(n);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "x\n");
        }
    }

    @Test
    void wildcardsInDirectoriesAndNamesWithMissingOnesCounted() throws Exception {
        files("d1/x.conf", "d2/x.conf", "d1/[y].conf", "d1/.x.conf", ".hd/x.conf");
        Files.createDirectories(dir.resolve("d3"));
        Glob g = Glob.run("*/x.conf", dir);
        assertThat(g.matches).containsExactly("d1/x.conf", "d2/x.conf");
        assertThat(g.missingFiles).isEqualTo(1); // d3/x.conf
        assertThat(Glob.run("d1/*.conf", dir).matches).containsExactly("d1/[y].conf", "d1/x.conf");
        assertThat(Glob.run("d*/.*.conf", dir).matches).containsExactly("d1/.x.conf");
        assertThat(Glob.run("d1/\\[y].conf", dir).matches).containsExactly("d1/[y].conf");
        assertThat(Glob.run("d1/[y].conf", dir).noMatch()).isTrue();
    }

    @Test
    void bracesExpandInOrderAndAnUnclosedBraceIsLiteral() throws Exception {
        files("d1/x.conf", "d1/.x.conf", "b.conf", "a.conf");
        assertThat(Glob.run("{b,a}.conf", dir).matches).containsExactly("b.conf", "a.conf");
        assertThat(Glob.run("d1/{x,.x}.conf", dir).matches).containsExactly("d1/x.conf", "d1/.x.conf");
        assertThat(Glob.run("{d1/{x,.x},a}.conf", dir).matches).containsExactly("d1/x.conf", "d1/.x.conf", "a.conf");
        Glob open = Glob.run("{d1/x.conf", dir);
        assertThat(open.noMatch()).isTrue();
        assertThat(open.missingFiles).isEqualTo(1);
        assertThat(Glob.hasBrace("a\\{b")).isFalse();
        assertThat(Glob.hasBrace("a{b")).isTrue();
    }

    @Test
    void directoriesAreMarkedAndMissingDirectoriesCounted() throws Exception {
        files("d1/x.conf");
        assertThat(Glob.run("d1", dir).matches).containsExactly("d1/");
        assertThat(Glob.run("d*", dir).matches).containsExactly("d1/");
        Glob g = Glob.run("nodir/*.conf", dir);
        assertThat(g.noMatch()).isTrue();
        assertThat(g.missingDirectories).isEqualTo(1);
        assertThat(g.haveWildcards).isTrue();
        Glob none = Glob.run("nod*/x.conf", dir);
        assertThat(none.noMatch()).isTrue();
        assertThat(none.missingDirectories + none.missingFiles).isZero();
    }

    @Test
    void absolutePatternsGiveAbsoluteNames() throws Exception {
        files("d1/x.conf");
        assertThat(Glob.run(dir + "/d1/*.conf", Path.of("/")).matches).containsExactly(dir + "/d1/x.conf");
    }

    @Test
    void fileNameMatching() {
        assertThat(FileNameMatch.matches("*.conf", "a.conf")).isTrue();
        assertThat(FileNameMatch.matches("*.conf", ".a.conf")).isFalse();
        assertThat(FileNameMatch.matches(".*", ".a")).isTrue();
        assertThat(FileNameMatch.matches("?", "a")).isTrue();
        assertThat(FileNameMatch.matches("?", ".")).isFalse();
        assertThat(FileNameMatch.matches("[a-c]x", "bx")).isTrue();
        assertThat(FileNameMatch.matches("[!a-c]x", "bx")).isFalse();
        assertThat(FileNameMatch.matches("[^a-c]x", "dx")).isTrue();
        assertThat(FileNameMatch.matches("[]]", "]")).isTrue();
        assertThat(FileNameMatch.matches("[[:digit:]]*", "1a")).isTrue();
        assertThat(FileNameMatch.matches("a[", "a[")).isTrue();
        assertThat(FileNameMatch.matches("a\\*", "a*")).isTrue();
        assertThat(FileNameMatch.matches("a\\*", "ab")).isFalse();
        assertThat(FileNameMatch.matches("*a*b*c*", "xxaxxbxxcxx")).isTrue();
        assertThat(FileNameMatch.matches("a*?", "a")).isFalse();
        assertThat(FileNameMatch.matches("a*[bc]\\?", "axxc?")).isTrue();
    }

    @Test
    void manyStarsDoNotBacktrackExponentially() {
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(2),
                () -> assertThat(FileNameMatch.matches("*a".repeat(60) + "b", "a".repeat(250))).isFalse());
    }
}
