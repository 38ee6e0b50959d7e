package io.jkeepalived.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.model.GlobalDefs;
import io.jkeepalived.config.model.Script;
import io.jkeepalived.script.RunAs;
import io.jkeepalived.script.ScriptCommand;
import io.jkeepalived.script.ScriptFlag;
import io.jkeepalived.script.ScriptIdentity;
import io.jkeepalived.script.ScriptSecurity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifySetupTest {
    @TempDir
    Path tmp;

    private NotifySetup setup(boolean security) {
        var globals = new GlobalDefs.Scripts(null, null, security, null, 0, null, 0);
        return new NotifySetup(globals, ScriptIdentity.system(), new ScriptSecurity(security, "/usr/bin:/bin"));
    }

    private Path script(String perms) throws Exception {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path p = tmp.resolve("n.sh");
        Files.writeString(p, "#!/bin/sh\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        return p;
    }

    @Test
    void aSafeScriptIsKeptWithItsArguments() throws Exception {
        Path p = script("rwxr-xr-x");
        NotifySetup s = setup(true);
        ScriptCommand c = s.check(new Script(p + " a", List.of(p.toString(), "a"), null, null));
        assertThat(c.argv()).containsExactly(p.toString(), "a");
        assertThat(s.flags()).contains(ScriptFlag.IS_SCRIPT);
    }

    @Test
    void anUnsafeScriptIsRefusedWithScriptSecurityAndRunWithout() throws Exception {
        Path p = script("rwxrwxrwx");
        Script sc = new Script(p.toString(), List.of(p.toString()), null, null);
        assertThat(setup(true).check(sc)).isNull();
        NotifySetup lax = setup(false);
        assertThat(lax.check(sc)).isNotNull();
        assertThat(lax.flags()).contains(ScriptFlag.INSECURE);
    }

    @Test
    void aScriptWithAUserRunsAsThatUser() throws Exception {
        Path p = script("rwxr-xr-x");
        ScriptCommand c = setup(false).check(new Script(p.toString(), List.of(p.toString()), "nobody", null));
        assertThat(c.runAs()).isEqualTo(ScriptIdentity.system().lookup("nobody", null).orElseThrow());
        assertThat(c.runAs()).isNotEqualTo(RunAs.ROOT);
    }

    @Test
    void aMissingScriptIsDropped() {
        assertThat(setup(false).check(new Script("/nope/x", List.of("/nope/x"), null, null))).isNull();
    }
}
