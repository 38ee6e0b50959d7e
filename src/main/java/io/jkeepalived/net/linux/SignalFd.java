package io.jkeepalived.net.linux;

import io.jkeepalived.net.ffm.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * signalfd(2) for signals the JVM cannot catch (keepalived's real-time ones, SIGRTMIN+2 and SIGRTMAX-1).
 * They reach the descriptor only while blocked in every thread: bin/jkeepalived blocks them before it
 * execs java, and each JVM thread inherits that mask. Signals the launcher could only ignore never arrive.
 */
public final class SignalFd implements AutoCloseable {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle SIGNALFD = LINKER.downcallHandle(
            LINKER.defaultLookup().find("signalfd").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle PTHREAD_SIGMASK = LINKER.downcallHandle(
            LINKER.defaultLookup().find("pthread_sigmask").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    /** glibc's sigset_t is 1024 bits; struct signalfd_siginfo is 128 bytes, ssi_signo first. */
    private static final int SIGSET_BYTES = 128;
    private static final int SIGINFO_BYTES = 128;
    private static final int SFD_CLOEXEC = 0x80000;
    private static final int SIG_BLOCK = 0;

    private final int fd;
    private final MemorySegment info = Arena.ofAuto().allocate(SIGINFO_BYTES);

    private SignalFd(int fd) {
        this.fd = fd;
    }

    /** A descriptor for {@code signals} (numbers, e.g. 36 for SIGRTMIN+2). */
    public static SignalFd open(int... signals) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment set = set(arena, signals);
            int fd = (int) SIGNALFD.invokeExact(-1, set, SFD_CLOEXEC);
            if (fd < 0) throw new IllegalStateException("signalfd failed");
            return new SignalFd(fd);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Whether {@code signal} is blocked in the calling thread (so signalfd can receive it). */
    public static boolean blocked(int signal) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment old = arena.allocate(SIGSET_BYTES);
            int rc = (int) PTHREAD_SIGMASK.invokeExact(SIG_BLOCK, MemorySegment.NULL, old);
            if (rc != 0) return false;
            int bit = signal - 1;
            return (old.get(ValueLayout.JAVA_BYTE, bit / 8) & (1 << (bit % 8))) != 0;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static MemorySegment set(Arena arena, int... signals) {
        MemorySegment set = arena.allocate(SIGSET_BYTES);
        for (int s : signals) {
            int bit = s - 1;
            byte b = set.get(ValueLayout.JAVA_BYTE, bit / 8);
            set.set(ValueLayout.JAVA_BYTE, bit / 8, (byte) (b | (1 << (bit % 8))));
        }
        return set;
    }

    /** Blocks until a signal arrives and returns its number; -1 once the descriptor is closed or fails. */
    public int next() {
        while (true) {
            long n = Libc.read(fd, info, SIGINFO_BYTES);
            if (n == SIGINFO_BYTES) return info.get(JAVA_INT, 0);
            if (n < 0 && Libc.errno() == 4) continue; // EINTR
            return -1;
        }
    }

    @Override
    public void close() {
        Libc.close(fd);
    }
}
