package io.jkeepalived.script;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Signals to a whole process group. The JDK can signal one process only ({@link ProcessHandle#destroy});
 * a hung script's children must die with it (keepalived: kill(-pid, sig)), hence kill(2) through FFM.
 * A script is started as a session leader, so its process group id is its pid.
 */
final class ProcessGroups {
    static final int SIGTERM = 15;
    static final int SIGKILL = 9;

    private static final MethodHandle KILL = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().find("kill").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));

    private ProcessGroups() {
    }

    /** Sends {@code signal} to every process of group {@code pgid}; false when none is left (ESRCH) or denied. */
    static boolean signal(long pgid, int signal) {
        if (pgid <= 1) throw new IllegalArgumentException("refusing to signal process group " + pgid);
        try {
            return (int) KILL.invokeExact((int) -pgid, signal) == 0;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
