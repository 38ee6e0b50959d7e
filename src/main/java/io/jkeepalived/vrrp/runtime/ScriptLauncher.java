package io.jkeepalived.vrrp.runtime;

import io.jkeepalived.config.model.VrrpScript;
import io.jkeepalived.vrrp.track.ScriptOutcome;
import java.util.function.Consumer;

/**
 * Runs one vrrp_script off the event loop (keepalived's system_call_script): in its own process group, as
 * its user, killed after {@code timeout} (SIGTERM, SIGKILL 2 s later). {@code done} is called exactly once,
 * from any thread, and must only hand the outcome over.
 */
@FunctionalInterface
public interface ScriptLauncher {
    void launch(VrrpScript script, Consumer<ScriptOutcome> done);

    /** For a runtime without scripts: every run fails as if the program could not be started. */
    ScriptLauncher NONE = (script, done) -> done.accept(ScriptOutcome.NOT_STARTED);
}
