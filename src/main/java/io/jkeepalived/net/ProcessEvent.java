package io.jkeepalived.net;

/**
 * What the kernel's process events connector announces (linux/cn_proc.h), as far as process tracking
 * needs it. Each names the thread ({@code pid}) and its process ({@code tgid}); a thread's event has
 * {@code pid != tgid}.
 */
public sealed interface ProcessEvent {
    /** PROC_EVENT_FORK: a new task, child of {@code parentTgid}. */
    record Fork(int parentPid, int parentTgid, int childPid, int childTgid) implements ProcessEvent {
    }

    /** PROC_EVENT_EXEC: the task runs a new program (new comm and command line). */
    record Exec(int pid, int tgid) implements ProcessEvent {
    }

    /** PROC_EVENT_COMM: the task's name changed (prctl PR_SET_NAME, /proc/PID/comm). */
    record Comm(int pid, int tgid, String comm) implements ProcessEvent {
    }

    /** PROC_EVENT_EXIT: the task ended. */
    record Exit(int pid, int tgid, int exitCode, int exitSignal) implements ProcessEvent {
    }

    /** PROC_EVENT_NONE: the connector's answer to a listen request; {@code err} is 0 when accepted. */
    record Ack(int err) implements ProcessEvent {
    }
}
