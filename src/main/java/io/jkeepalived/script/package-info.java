/**
 * Running external programs: notify scripts, vrrp_script, MISC_CHECK, the FIFO scripts (keepalived's
 * lib/notify.c).
 *
 * <p>The API, in the order a caller meets it:
 * <ol>
 *   <li>{@link io.jkeepalived.script.ScriptIdentity} — who a script runs as ({@link
 *       io.jkeepalived.script.RunAs}): its own user [group], else script_user, else keepalived_script, else
 *       the daemon's own user.</li>
 *   <li>{@link io.jkeepalived.script.ScriptSecurity#check} — at start-up, keepalived's check_script_secure:
 *       PATH search, realpath, executable bit, and with root the ownership and write bits of every part of
 *       the path. Gives a {@link io.jkeepalived.script.ScriptCheck}: {@link io.jkeepalived.script.ScriptFlag}s,
 *       the argv to run ({@code argvToRun()}) and keepalived's log lines (the reason a script is refused);
 *       {@code runnableAsNotify()} / {@code runnableAsTrack()} say whether to keep it, and
 *       {@link io.jkeepalived.script.ScriptSecurity#violation} gives the "SECURITY VIOLATION" summary.</li>
 *   <li>{@link io.jkeepalived.script.ScriptCommand} — name, argv, RunAs, timeout, and the grace between
 *       SIGTERM and SIGKILL after the timeout ({@code withArgs} adds the generic notify's arguments).</li>
 *   <li>{@link io.jkeepalived.script.ScriptRunner#run} — returns a {@code CompletableFuture<ScriptResult>} at
 *       once; the program runs in its own session (setsid), as its user (setpriv), stdio on /dev/null, the
 *       daemon's environment; at the timeout its whole process group is signalled. The future completes on
 *       the runner's thread with {@link io.jkeepalived.script.ScriptResult}: {@code Exited(status)},
 *       {@code TimedOut(signal)} or {@code NotStarted(reason)}. {@code counters()} counts started, exited,
 *       timed-out (hung), not-started and running scripts; {@code close(grace)} is keepalived's
 *       script_killall at shutdown.</li>
 * </ol>
 *
 * <p>This room calls kill(2) itself through FFM ({@code ProcessGroups}): the JDK can signal a single process,
 * never a group.
 */
package io.jkeepalived.script;
