package io.jkeepalived.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keepalived's pid-file rules (keepalived/core/pidfile.c). */
class PidFileTest {
    @TempDir
    Path dir;

    private final List<String> logged = new ArrayList<>();

    @Test
    void writesThePidAndANewlineWithMode0644() throws Exception {
        Path f = dir.resolve("k.pid");
        PidFile.write(f, 4242);
        assertThat(Files.readString(f)).isEqualTo("4242\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r--r--");
        assertThat(PidFile.read(f)).isEqualTo(4242);
    }

    @Test
    void aMissingFileMeansNotRunning() {
        assertThat(PidFile.check(dir.resolve("none"), pid -> true, logged::add)).isEqualTo(PidFile.State.ABSENT);
        assertThat(logged).isEmpty();
    }

    @Test
    void aLivePidMeansRunningAndTheFileStays() throws Exception {
        Path f = dir.resolve("k.pid");
        PidFile.write(f, 77);
        assertThat(PidFile.check(f, pid -> pid == 77, logged::add)).isEqualTo(PidFile.State.RUNNING);
        assertThat(f).exists();
    }

    @Test
    void aDeadPidIsAZombieFileAndIsRemoved() throws Exception {
        Path f = dir.resolve("k.pid");
        PidFile.write(f, 77);
        assertThat(PidFile.check(f, pid -> false, logged::add)).isEqualTo(PidFile.State.STALE_REMOVED);
        assertThat(f).doesNotExist();
        assertThat(logged).containsExactly("Remove a zombie pid file " + f);
    }

    @Test
    void garbageIsRemovedButCountsAsRunningAsInKeepalived() throws Exception {
        Path f = dir.resolve("k.pid");
        Files.writeString(f, "not a pid\n");
        assertThat(PidFile.anyRunning(List.of(f), pid -> false, logged::add)).isTrue();
        assertThat(f).doesNotExist();
        assertThat(logged).containsExactly("Error reading pid file " + f);
    }

    @Test
    void anyRunningLooksAtEveryFile() throws Exception {
        Path a = dir.resolve("a.pid");
        Path b = dir.resolve("b.pid");
        PidFile.write(b, 9);
        assertThat(PidFile.anyRunning(List.of(a, b), pid -> pid == 9, logged::add)).isTrue();
        assertThat(PidFile.anyRunning(List.of(a), pid -> true, logged::add)).isFalse();
    }

    @Test
    void readsTheLeadingNumberLikeFscanf() {
        assertThat(PidFile.leadingNumber("  123\n")).isEqualTo(123);
        assertThat(PidFile.leadingNumber("12ab")).isEqualTo(12);
        assertThat(PidFile.leadingNumber("x")).isZero();
        assertThat(PidFile.leadingNumber("")).isZero();
    }

    @Test
    void thisProcessIsAliveAndANonsensePidIsNot() {
        assertThat(PidFile.isAlive(ProcessHandle.current().pid())).isTrue();
        assertThat(PidFile.isAlive(Integer.MAX_VALUE)).isFalse();
    }
}
