package io.jkeepalived.script;

/**
 * A snapshot of a {@link ScriptRunner}'s counters.
 *
 * @param started    runs whose process was started
 * @param exited     runs that ended on their own (any status)
 * @param timedOut   runs killed after their timeout (the hung ones)
 * @param notStarted runs that could not be started
 * @param running    processes running now
 */
public record ScriptCounters(long started, long exited, long timedOut, long notStarted, long running) {}
