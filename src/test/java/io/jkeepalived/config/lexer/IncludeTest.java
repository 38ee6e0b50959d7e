package io.jkeepalived.config.lexer;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.ConfigError;
import io.jkeepalived.config.Diagnostics;
import io.jkeepalived.config.LoadOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** include and its variants, globs and the main file, checked against keepalived 2.2.7 -t. */
class IncludeTest {
    @TempDir
    Path dir;

    @Test
    void includedFilesAreReadInPlaceWithTheirOwnNamesAndLineNumbers() {
        Lexed.write(dir, "inc/a.conf", "a1\ninclude sub/s.conf\na2\n");
        Lexed.write(dir, "inc/sub/s.conf", "s1\n");
        Lexed l = Lexed.text(dir, "w0\ninclude inc/a.conf\nw3\n");
        assertThat(l.located()).containsExactly("keepalived.conf:1: w0", "inc/a.conf:1: a1", "sub/s.conf:1: s1",
                "inc/a.conf:3: a2", "keepalived.conf:3: w3");
        assertThat(l.diagnostics).isEmpty();
    }

    @Test
    void pwdIsTheDirectoryOfTheFileBeingRead() throws Exception {
        Lexed.write(dir, "inc/a.conf", "p ${_PWD}\n");
        Lexed l = Lexed.text(dir, "include inc/a.conf\np ${_PWD}\n");
        String real = dir.toRealPath().toString();
        assertThat(l.words()).containsExactly("1: p " + real + "/inc", "2: p " + real);
    }

    @Test
    void globsMatchInSortedOrderAndBracesInTheirOwnOrder() {
        Lexed.write(dir, "d/b.conf", "b\n");
        Lexed.write(dir, "d/a.conf", "a\n");
        Lexed.write(dir, "d/c.txt", "c\n");
        Lexed.write(dir, "d/.h.conf", "hidden\n");
        Lexed l = Lexed.text(dir, "include d/*.conf\ninclude d/{c.txt,a.conf}\ninclude d/[ab].conf\n");
        assertThat(l.located()).containsExactly("d/a.conf:1: a", "d/b.conf:1: b", "d/c.txt:1: c", "d/a.conf:1: a",
                "d/a.conf:1: a", "d/b.conf:1: b");
    }

    @Test
    void plainIncludeOnlyMentionsWhatIsMissing() {
        Lexed.write(dir, "d1/a.conf", "a\n");
        Lexed l = Lexed.text(dir, "include d1/{a,b}.conf\ninclude nothere.conf\ninclude d1/*.x\ninclude d1\n"
                + "include nodir/*.conf\n");
        assertThat(l.located()).containsExactly("d1/a.conf:1: a");
        assertThat(l.diags()).containsExactly(
                "OK (keepalived.conf: Line 1) Some config files missing: \"d1/{a,b}.conf\".",
                "OK (keepalived.conf: Line 2) Config files missing 'nothere.conf'.",
                "OK (keepalived.conf: Line 4) Configuration file 'd1/' is a directory - skipping",
                "OK (keepalived.conf: Line 5) Config files missing 'nodir/*.conf'.");
        assertThat(l.reader.hadFileError()).isFalse();
    }

    @Test
    void strictVariantsMakeTheSameProblemsErrors() {
        Lexed.write(dir, "d1/a.conf", "a\n");
        Lexed l = Lexed.text(dir, "includeb d1/{a,b}.conf\nincluder nothere.conf\nincludem nothere.conf\n"
                + "includem d1/*.x\nincludew d1/*.x\nincluder d1\nincludea d1/{a,b}.conf\n");
        assertThat(l.lines).isEmpty();
        assertThat(l.diags()).containsExactly(
                "FILE_NOT_FOUND (keepalived.conf: Line 1) Some config files missing: \"d1/{a,b}.conf\".",
                "OK (keepalived.conf: Line 2) Config files missing 'nothere.conf'.",
                "FILE_NOT_FOUND (keepalived.conf: Line 3) Config files missing 'nothere.conf'.",
                "FILE_NOT_FOUND (keepalived.conf: Line 5) No config files matched 'd1/*.x'.",
                "FILE_NOT_FOUND (keepalived.conf: Line 6) Configuration file 'd1/' is a directory - skipping",
                "FILE_NOT_FOUND (keepalived.conf: Line 7) Some config files missing: \"d1/{a,b}.conf\".");
        assertThat(l.reader.hadFileError()).isTrue();
    }

    @Test
    void includeWordsMustBeFollowedByBlankAndAPattern() {
        Lexed.write(dir, "a.conf", "a\n");
        Lexed l = Lexed.text(dir, "include\nincluder\nincludex a.conf\ninclude   a.conf\n");
        assertThat(l.words()).containsExactly("1: include", "2: includer", "3: includex a.conf", "1: a");
    }

    @Test
    void executableOrDirectoryMatchesAreSkipped() throws Exception {
        Path x = Lexed.write(dir, "d/x.conf", "x\n");
        Files.setPosixFilePermissions(x, PosixFilePermissions.fromString("rwxr-xr-x"));
        Lexed.write(dir, "d/y.conf", "y\n");
        Files.createDirectories(dir.resolve("d/z.conf"));
        Lexed l = Lexed.text(dir, "include d/*.conf\n");
        assertThat(l.located()).containsExactly("d/y.conf:1: y");
        // a later match is reported at the position of the file read before it, as keepalived does
        assertThat(l.diags()).containsExactly(
                "OK (keepalived.conf: Line 1) Configuration file 'd/x.conf' is not a regular non-executable file - skipping",
                "OK (d/y.conf: Line 1) Configuration file 'd/z.conf/' is a directory - skipping");
    }

    @Test
    void anIncludeLoopIsReadOnceAndReportedAsKeepalivedFinallyDoes() {
        Lexed.write(dir, "a.conf", "x1\ninclude b.conf\nx2\n");
        Lexed.write(dir, "b.conf", "y1\ninclude a.conf\ny2\n");
        Lexed l = Lexed.read(dir.resolve("a.conf"));
        assertThat(l.located()).containsExactly("a.conf:1: x1", "b.conf:1: y1", "b.conf:3: y2", "a.conf:3: x2");
        assertThat(l.diags()).containsExactly(
                "OK (b.conf: Line 2) Configuration file 'a.conf' open problem (Too many open files) - skipping");
    }

    @Test
    void selfIncludeTerminates() {
        Lexed l = Lexed.text(dir, "include keepalived.conf\nw\n");
        assertThat(l.words()).containsExactly("2: w");
        assertThat(l.diagnostics).hasSize(1);
    }

    @Test
    void includeCheckChangesTheStrictnessUntilTheEndOfTheFile() {
        Lexed.write(dir, "a.conf", "include_check\ninclude none1.conf\n");
        Path main = Lexed.write(dir, "keepalived.conf", "include a.conf\ninclude none2.conf\n");
        Diagnostics diags = new Diagnostics();
        ConfigReader r = new ConfigReader(LoadOptions.of(main), diags);
        var line = r.next();
        assertThat(line.words()).containsExactly("include_check");
        r.setIncludeCheck(line.words());
        assertThat(r.next()).isNull();
        assertThat(diags.list()).extracting(d -> d.kind() + " " + d.message()).containsExactly(
                "FILE_NOT_FOUND Config files missing 'none1.conf'.", "OK Config files missing 'none2.conf'.");
    }

    @Test
    void includeCheckArguments() {
        Path main = Lexed.write(dir, "keepalived.conf", "w\n");
        Diagnostics diags = new Diagnostics();
        ConfigReader r = new ConfigReader(LoadOptions.of(main), diags);
        r.next();
        r.setIncludeCheck(List.of("include_check", "match", "-read", "+brace_match", "bogus", "+nonsense"));
        assertThat(diags.list()).extracting(d -> d.kind() + " " + d.message()).containsExactly(
                "GENERAL_ERROR Duplicate include_check 'bogus' specified - ignoring",
                "GENERAL_ERROR Unknown include_check type 'nonsense' - ignoring");
    }

    @Test
    void tooManyBraceAlternativesIsGlobRunningOutOfSpace() {
        String bomb = "{a,b}".repeat(13);
        Lexed l = Lexed.text(dir, "include " + bomb + "\nw\n");
        assertThat(l.words()).containsExactly("2: w");
        assertThat(l.diags()).containsExactly("OK (keepalived.conf: Line 1) Error reading config file(s): glob(\""
                + bomb + "\") returned 1, skipping.");
    }

    @Test
    void missingMainFileReadsNothingAndIsNoError() {
        Lexed l = Lexed.read(dir.resolve("nonexist.conf"));
        assertThat(l.reader.mainFileMissing()).isTrue();
        assertThat(l.diagnostics).extracting(d -> d.kind() + " " + d.format())
                .containsExactly("OK Config files missing '" + dir.resolve("nonexist.conf") + "'.");
    }

    @Test
    void missingMainFileIsAnErrorWithAllConfig() {
        Lexed l = Lexed.read(LoadOptions.of(dir.resolve("nonexist.conf")).withAllConfig(true));
        assertThat(l.reader.mainFileMissing()).isTrue();
        assertThat(l.diagnostics).extracting(d -> d.kind()).containsExactly(ConfigError.FILE_NOT_FOUND);
    }

    @Test
    void allConfigMakesPlainIncludesStrict() {
        Path main = Lexed.write(dir, "keepalived.conf", "include nothere.conf\n");
        Lexed l = Lexed.read(LoadOptions.of(main).withAllConfig(true));
        assertThat(l.diags()).containsExactly("FILE_NOT_FOUND (keepalived.conf: Line 1) Config files missing 'nothere.conf'.");
    }

    @Test
    void mainFileIsAGlobAndEveryMatchIsRead() {
        Lexed.write(dir, "m/a.conf", "a\n");
        Lexed.write(dir, "m/b.conf", "b\n");
        Lexed l = Lexed.read(dir.resolve("m/*.conf"));
        assertThat(l.lines).extracting(line -> line.words().getFirst()).containsExactly("a", "b");
        assertThat(l.diagnostics).extracting(d -> d.kind()).containsExactly(ConfigError.MULTIPLE_FILES);
        assertThat(l.diagnostics.getFirst().message()).startsWith("WARNING, multiple configuration file matches of ");
    }

    @Test
    void executableOrDirectoryMainFileIsNotRead() throws Exception {
        Path x = Lexed.write(dir, "x.conf", "x\n");
        Files.setPosixFilePermissions(x, PosixFilePermissions.fromString("rwxr-xr-x"));
        Lexed l = Lexed.read(x);
        assertThat(l.reader.mainFileMissing()).isTrue();
        assertThat(l.diagnostics).extracting(d -> d.kind()).containsExactly(ConfigError.OK);
        Lexed d = Lexed.read(dir);
        assertThat(d.reader.mainFileMissing()).isTrue();
        assertThat(d.diagnostics.getFirst().message()).endsWith("/' is a directory - skipping");
    }
}
