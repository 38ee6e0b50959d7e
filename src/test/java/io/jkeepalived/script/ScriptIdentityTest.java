package io.jkeepalived.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptIdentityTest {
    private final ScriptIdentity ids = new ScriptIdentity(
            List.of("root:x:0:0::/root:/bin/sh", "keepalived_script:x:990:991::/:/bin/false", "www:x:33:33::/:/bin/sh"),
            List.of("root:x:0:", "adm:x:4:", "www:x:33:"), RunAs.ROOT);

    @Test
    void theScriptsOwnUserComesFirst() {
        assertThat(ids.resolve("www", null, "root", null)).isEqualTo(new RunAs(33, 33));
        assertThat(ids.resolve("www", "adm", null, null)).isEqualTo(new RunAs(33, 4));
    }

    @Test
    void thenScriptUserThenKeepalivedScript() {
        assertThat(ids.resolve(null, null, "www", "adm")).isEqualTo(new RunAs(33, 4));
        assertThat(ids.resolve(null, null, null, null)).isEqualTo(new RunAs(990, 991));
    }

    @Test
    void withoutKeepalivedScriptTheDaemonsOwnUser() {
        var bare = new ScriptIdentity(List.of("root:x:0:0::/root:/bin/sh"), List.of("root:x:0:"), new RunAs(0, 0));
        assertThat(bare.resolve(null, null, null, null)).isEqualTo(RunAs.ROOT);
        assertThat(bare.lookup("nobody", null)).isEmpty();
    }
}
