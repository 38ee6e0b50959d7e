package io.jkeepalived.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process paths of Main that end without a daemon: -t, errors, demo, AOT training. */
class MainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void configTestOfAMissingFileSaysSoAndExitsZero() {
        assertThat(run("-t", "-f", dir.resolve("none.conf").toString())).isZero();
        assertThat(err()).contains("Config files missing");
    }

    @Test
    void configTestOfAnEmptyFileIsSilentAndZero() throws Exception {
        Path f = Files.writeString(dir.resolve("k.conf"), "");
        assertThat(run("-t", "-f", f.toString())).isZero();
        assertThat(err()).isEmpty();
    }

    @Test
    void configTestOfAnUnknownKeywordExitsFive() throws Exception {
        Path f = Files.writeString(dir.resolve("k.conf"), "no_such_keyword_anywhere 1\n");
        assertThat(run("--config-test", "--use-file=" + f)).isEqualTo(5);
        assertThat(err()).contains("(" + f + ": Line 1) Unknown keyword 'no_such_keyword_anywhere'");
    }

    @Test
    void configTestMessagesGoToTheNamedFileAppended() throws Exception {
        Path f = Files.writeString(dir.resolve("k.conf"), "no_such_keyword_anywhere\n");
        Path log = Files.writeString(dir.resolve("t.log"), "before\n");
        assertThat(run("-t" + log, "-f", f.toString())).isEqualTo(5);
        assertThat(err()).isEmpty();
        assertThat(Files.readString(log)).startsWith("before\n").contains("Unknown keyword");
    }

    @Test
    void anUnopenableConfigTestFileExitsOne() {
        assertThat(run("--config-test=" + dir.resolve("no/such/dir/log"), "-f", "/nonexistent")).isEqualTo(1);
        assertThat(err()).startsWith("Unable to open config-test log file " + dir.resolve("no/such/dir/log")
                + " 2 - No such file or directory");
    }

    @Test
    void anInvalidFacilityRaisesTheConfigTestStatus() {
        assertThat(run("-t", "-S", "9", "-f", dir.resolve("none.conf").toString())).isEqualTo(5);
    }

    @Test
    void unknownOptionsExitOne() {
        assertThat(run("--bogus")).isEqualTo(1);
        assertThat(err()).isEqualTo("Unknown option --bogus\n");
    }

    @Test
    void demoOutsideTheLauncherPointsToIt() {
        assertThat(run("demo")).isEqualTo(1);
        assertThat(err()).contains("bin/jkeepalived demo");
    }

    @Test
    void aotTrainingReadsEveryConfQuietly() throws Exception {
        Files.writeString(dir.resolve("a.conf"), "no_such_keyword\n");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/b.conf"), "vrrp_instance X {\n");
        assertThat(run("--aot-training", dir.toString())).isZero();
        assertThat(err()).isEmpty();
    }
}
