package io.jkeepalived.vrrp.track;

/** How one run of a vrrp_script ended (keepalived's vrrp_script_child_thread reads the wait status). */
public sealed interface ScriptOutcome {
    /** The program exited: 0 is success, anything else failure ("exited with status N"). */
    record Exited(int status) implements ScriptOutcome {
    }

    /** Killed by a signal keepalived did not send: failure ("due to signal N"). */
    record Signalled(int signal) implements ScriptOutcome {
    }

    /** Killed after its timeout (SIGTERM, then SIGKILL): a failure logged as "timed_out". */
    record TimedOut() implements ScriptOutcome {
    }

    /** Could not be started at all: keepalived's forked child exits with status 127 after exec fails. */
    ScriptOutcome NOT_STARTED = new Exited(127);
    ScriptOutcome TIMED_OUT = new TimedOut();
}
