package io.jkeepalived.net.linux;

import io.jkeepalived.net.NetException;
import io.jkeepalived.net.ffm.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Scheduling of the calling thread: Linux keeps timer slack (prctl(2) PR_SET_TIMERSLACK), nice
 * (setpriority(2), per thread on Linux) and the scheduling policy (sched_setscheduler(2) with pid 0) per
 * thread, so each call changes only the thread that makes it, never the rest of the JVM.
 */
public final class ThreadScheduling {
    private static final int PR_SET_TIMERSLACK = 29;
    private static final int PR_GET_TIMERSLACK = 30;
    private static final int PRIO_PROCESS = 0;
    private static final int SCHED_RR = 2;
    private static final int SCHED_RESET_ON_FORK = 0x40000000;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LOOKUP = LINKER.defaultLookup();
    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    /** int prctl(int option, ...): variadic after the option; the kernel reads four unsigned longs. */
    private static final MethodHandle PRCTL = handle("prctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
            Linker.Option.firstVariadicArg(1));
    private static final MethodHandle SETPRIORITY =
            handle("setpriority", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle SCHED_SETSCHEDULER =
            handle("sched_setscheduler", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));

    private ThreadScheduling() {
    }

    private static MethodHandle handle(String name, FunctionDescriptor d, Linker.Option... extra) {
        Linker.Option[] options = java.util.Arrays.copyOf(extra, extra.length + 1);
        options[extra.length] = Linker.Option.captureCallState("errno");
        return LINKER.downcallHandle(LOOKUP.find(name).orElseThrow(), d, options);
    }

    /**
     * The calling thread's timer slack in nanoseconds (the kernel's default is 50 µs for normal threads):
     * how late the kernel may wake a timed wait (futex, poll) to batch wake-ups.
     */
    public static void timerSlack(long nanos) {
        call("prctl(PR_SET_TIMERSLACK, " + nanos + ")", PRCTL, PR_SET_TIMERSLACK, nanos);
    }

    /** The calling thread's current timer slack in nanoseconds. */
    public static long timerSlack() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE_LAYOUT);
            return (int) PRCTL.invokeExact(capture, PR_GET_TIMERSLACK, 0L, 0L, 0L, 0L);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** The calling thread's nice value, -20..19 (setpriority(PRIO_PROCESS, 0, nice)). */
    public static void nice(int nice) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE_LAYOUT);
            int r = (int) SETPRIORITY.invokeExact(capture, PRIO_PROCESS, 0, nice);
            if (r != 0) throw Libc.failure("setpriority(" + nice + ")", (int) ERRNO.get(capture, 0L));
        } catch (NetException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /**
     * SCHED_RR at {@code priority} (1..99) for the calling thread, reset to SCHED_OTHER in any child it forks
     * (keepalived's lib/process.c set_process_priorities uses the same pair).
     */
    public static void roundRobin(int priority) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE_LAYOUT);
            MemorySegment param = arena.allocate(JAVA_INT);
            param.set(ValueLayout.JAVA_INT, 0, priority);
            int r = (int) SCHED_SETSCHEDULER.invokeExact(capture, 0, SCHED_RR | SCHED_RESET_ON_FORK, param);
            if (r != 0) {
                throw Libc.failure("sched_setscheduler(SCHED_RR, " + priority + ")", (int) ERRNO.get(capture, 0L));
            }
        } catch (NetException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static void call(String what, MethodHandle h, int option, long arg) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE_LAYOUT);
            int r = (int) h.invokeExact(capture, option, arg, 0L, 0L, 0L);
            if (r != 0) throw Libc.failure(what, (int) ERRNO.get(capture, 0L));
        } catch (NetException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
