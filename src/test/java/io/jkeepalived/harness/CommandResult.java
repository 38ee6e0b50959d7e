package io.jkeepalived.harness;

import java.util.List;

/** What a finished command left behind: its exit code and both output streams, whole. */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr) {

    public boolean ok() {
        return exitCode == 0;
    }

    /** stdout then stderr, as a reader of a terminal would have seen them (order between them is lost). */
    public String output() {
        if (stderr.isEmpty()) return stdout;
        if (stdout.isEmpty()) return stderr;
        return stdout.endsWith("\n") ? stdout + stderr : stdout + "\n" + stderr;
    }

    /** Throws with the whole output when the command failed; for set-up steps that must work. */
    public CommandResult orThrow() {
        if (!ok()) throw new IllegalStateException(describe());
        return this;
    }

    public String describe() {
        return String.join(" ", command) + " -> exit " + exitCode
                + (stdout.isBlank() ? "" : "\n--- stdout\n" + stdout.strip())
                + (stderr.isBlank() ? "" : "\n--- stderr\n" + stderr.strip());
    }
}
