package io.jkeepalived.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import io.jkeepalived.script.ScriptCommand;

/**
 * The scripts one state change starts, in keepalived's order (vrrp_notify.c send_instance_notifies,
 * send_group_notifies): first the state's own script (notify_master, notify_backup, notify_fault, notify_stop,
 * notify_deleted) with no added arguments, then the generic {@code notify} with four more:
 * {@code INSTANCE|GROUP name STATE priority} (a group's priority is 0).
 *
 * <p>Timeouts: keepalived gives an instance's notify_stop and every generic notify run for STOP one second,
 * then kills the script's process group (child_killed_thread); other notify scripts have no limit there.
 * jkeepalived bounds them too ({@link #DEFAULT_TIMEOUT}), generously, so a hung one is killed and counted.
 */
public final class NotifyCommands {
    /** keepalived's TIMER_HZ for STOP scripts at shutdown. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(1);
    /** jkeepalived's bound for the other notify scripts (keepalived has none). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private NotifyCommands() {
    }

    /** A notify object's scripts, each already checked and resolved (null where absent or refused). */
    public record Prepared(ScriptCommand master, ScriptCommand backup, ScriptCommand fault, ScriptCommand stop,
                           ScriptCommand generic, ScriptCommand deleted, ScriptCommand masterRxLowerPri) {
        public static final Prepared NONE = new Prepared(null, null, null, null, null, null, null);

        ScriptCommand forState(NotifyState state) {
            return switch (state) {
                case MASTER -> master;
                case BACKUP -> backup;
                case FAULT -> fault;
                case STOP -> stop;
                case DELETED -> deleted;
            };
        }
    }

    /** The commands for {@code kind name} entering {@code state}, in the order they are started. */
    public static List<ScriptCommand> forState(Prepared scripts, NotifyKind kind, String name, NotifyState state,
                                               int priority, Duration timeout) {
        List<ScriptCommand> out = new ArrayList<>(2);
        // keepalived times only the instance's notify_stop (a group's runs with notify_exec, untimed)
        boolean stopTimer = state == NotifyState.STOP;
        ScriptCommand own = scripts.forState(state);
        if (own != null) out.add(timed(own, stopTimer && kind == NotifyKind.INSTANCE ? STOP_TIMEOUT : timeout));
        if (scripts.generic() != null) {
            int prio = kind == NotifyKind.GROUP ? 0 : priority;
            out.add(timed(scripts.generic().withArgs(List.of(kind.name(), name, state.name(), Integer.toString(prio))),
                    stopTimer ? STOP_TIMEOUT : timeout));
        }
        return out;
    }

    private static ScriptCommand timed(ScriptCommand c, Duration timeout) {
        return new ScriptCommand(c.name(), c.argv(), c.runAs(), timeout, Duration.ZERO);
    }
}
