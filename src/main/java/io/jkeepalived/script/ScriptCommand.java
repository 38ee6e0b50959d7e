package io.jkeepalived.script;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One run of an external program.
 *
 * @param name      how logs name it (a vrrp_script's name, or the program)
 * @param argv      the program and its arguments, as execve() gets them (the program is a path, already
 *                  resolved by {@link ScriptSecurity}; a script without {@code #!} is run as
 *                  {@code /bin/sh -c}, see {@link ScriptSecurity#argvToRun})
 * @param runAs     the user and group to run it as
 * @param timeout   how long it may run; {@link Duration#ZERO} for no limit
 * @param termGrace after the timeout, how long the process group has between SIGTERM and SIGKILL; ZERO sends
 *                  SIGKILL at once (keepalived: notify_stop's 1 s then SIGKILL, vrrp_script's TERM then KILL
 *                  2 s later)
 */
public record ScriptCommand(String name, List<String> argv, RunAs runAs, Duration timeout, Duration termGrace) {
    public ScriptCommand {
        Objects.requireNonNull(name);
        argv = List.copyOf(argv);
        if (argv.isEmpty()) throw new IllegalArgumentException("empty argv");
        Objects.requireNonNull(runAs);
        Objects.requireNonNull(timeout);
        Objects.requireNonNull(termGrace);
    }

    /** A command run as root, killed (SIGKILL, whole group) after {@code timeout}. */
    public static ScriptCommand of(List<String> argv, Duration timeout) {
        return new ScriptCommand(argv.getFirst(), argv, RunAs.ROOT, timeout, Duration.ZERO);
    }

    /** The same command with another timeout. */
    public ScriptCommand withTimeout(Duration newTimeout) {
        return new ScriptCommand(name, argv, runAs, newTimeout, termGrace);
    }

    /** The same command with more arguments at the end (the generic notify's four, a FIFO's name). */
    public ScriptCommand withArgs(List<String> extra) {
        var all = new java.util.ArrayList<>(argv);
        all.addAll(extra);
        return new ScriptCommand(name, all, runAs, timeout, termGrace);
    }
}
