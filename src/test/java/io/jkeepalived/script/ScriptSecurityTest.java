package io.jkeepalived.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keepalived's check_script_secure rules on real files (the tests run as root, as the daemon does). */
class ScriptSecurityTest {
    @TempDir
    Path tmp;
    Path dir;
    Path script;

    @BeforeEach
    void setUp() throws Exception {
        dir = tmp.resolve("d");
        Files.createDirectory(dir);
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        script = dir.resolve("notify.sh");
        Files.writeString(script, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private ScriptCheck check(boolean security, String... argv) {
        return new ScriptSecurity(security, "/usr/bin:/bin").check(List.of(argv), RunAs.ROOT);
    }

    @Test
    void aRootOwnedScriptInRootOwnedDirectoriesIsSafe() {
        ScriptCheck c = check(true, script.toString(), "a b");
        assertThat(c.flags()).isEqualTo(EnumSet.of(ScriptFlag.IS_SCRIPT, ScriptFlag.EXECUTABLE, ScriptFlag.EXECABLE));
        assertThat(c.messages()).isEmpty();
        assertThat(c.argvToRun()).containsExactly(script.toString(), "a b");
        assertThat(c.runnableAsNotify()).isTrue();
    }

    @Test
    void aGroupWritableScriptWithANonRootGroupIsUnsafe() throws Exception {
        Files.setAttribute(script, "unix:gid", 1);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxrwxr-x"));
        ScriptCheck warn = check(false, script.toString());
        assertThat(warn.messages()).containsExactly("Unsafe permissions found for script '" + script + "'.");
        assertThat(warn.has(ScriptFlag.INSECURE)).isTrue();
        assertThat(warn.runnableAsNotify()).isTrue();
        ScriptCheck refuse = check(true, script.toString());
        assertThat(refuse.messages())
                .containsExactly("Unsafe permissions found for script '" + script + "' - disabling.");
        assertThat(refuse.runnableAsNotify()).isFalse();
        assertThat(refuse.runnableAsTrack()).isFalse();
    }

    @Test
    void groupWriteByRootGroupIsSafe() throws Exception {
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxrwxr-x"));
        assertThat(check(true, script.toString()).messages()).isEmpty();
    }

    @Test
    void aWorldWritableDirectoryOnThePathIsUnsafeUnlessSticky() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(check(true, script.toString()).messages())
                .containsExactly("Unsafe permissions found for script '" + script + "' - disabling.");
        Files.setAttribute(dir, "unix:mode", 01777);
        assertThat(check(true, script.toString()).messages()).isEmpty();
    }

    @Test
    void aScriptOwnedByAnotherUserIsUnsafeWhenRootRunsIt() throws Exception {
        Files.setAttribute(script, "unix:uid", 65534);
        assertThat(check(true, script.toString()).has(ScriptFlag.INHIBIT)).isTrue();
        // run as that user, the ownership does not matter (no protection is needed)
        ScriptCheck asOwner = new ScriptSecurity(true, "/bin").check(List.of(script.toString()), new RunAs(65534, 65534));
        assertThat(asOwner.messages()).isEmpty();
        assertThat(asOwner.runnableAsNotify()).isTrue();
    }

    @Test
    void aScriptWithoutExecuteBitIsDisabled() throws Exception {
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rw-r--r--"));
        ScriptCheck c = check(false, script.toString());
        assertThat(c.messages()).containsExactly(
                "WARNING - script '" + script + "' is not executable for uid:gid 0:0 - disabling.");
        assertThat(c.runnableAsNotify()).isFalse();
    }

    @Test
    void aMissingScriptCannotBeAccessed() {
        ScriptCheck c = check(false, dir + "/nope.sh");
        assertThat(c.messages()).containsExactly("Script " + dir + "/nope.sh cannot be accessed - No such file or directory");
        assertThat(c.flags()).containsExactly(ScriptFlag.NOT_FOUND);
    }

    @Test
    void aBareNameIsFoundInPathWithAWarning() {
        ScriptCheck c = new ScriptSecurity(false, dir.toString()).check(List.of("notify.sh", "x"), RunAs.ROOT);
        assertThat(c.messages()).containsExactly(
                "WARNING - script `notify.sh` resolved by path search to `" + script + "`. Please specify full path.");
        assertThat(c.argv()).containsExactly(script.toString(), "x");
        ScriptCheck missing = new ScriptSecurity(false, dir.toString()).check(List.of("other.sh"), RunAs.ROOT);
        assertThat(missing.messages()).containsExactly("Cannot find script other.sh in path - disabling");
    }

    @Test
    void aSymlinkKeepsItsNameWhenItIsTheSameFile() throws Exception {
        Path link = dir.resolve("alias");
        Files.createSymbolicLink(link, script);
        ScriptCheck c = check(false, link.toString());
        // realpath gives notify.sh; keepalived keeps the name "alias" only where dir/alias is the same file
        assertThat(c.argv().getFirst()).isEqualTo(dir.resolve("alias").toString());
        assertThat(c.messages()).isEmpty();
    }

    @Test
    void aFileTestIsRunThroughTheShell() {
        ScriptCheck c = check(true, "</etc/hostname");
        assertThat(c.flags()).containsExactly(ScriptFlag.SYSTEM);
        assertThat(c.runnableAsTrack()).isTrue();
        assertThat(c.runnableAsNotify()).isFalse();
        assertThat(c.argvToRun()).containsExactly("/bin/sh", "-c", "</etc/hostname");
    }

    @Test
    void securityViolationSummary() {
        assertThat(ScriptSecurity.violation("scripts", EnumSet.of(ScriptFlag.IS_SCRIPT), false))
                .isEqualTo("SECURITY VIOLATION - scripts are being executed but script_security not enabled.");
        assertThat(ScriptSecurity.violation("scripts", EnumSet.of(ScriptFlag.IS_SCRIPT, ScriptFlag.INSECURE), false))
                .endsWith(" There are insecure scripts.");
        assertThat(ScriptSecurity.violation("scripts", EnumSet.of(ScriptFlag.IS_SCRIPT), true)).isNull();
    }
}
