package io.jkeepalived.net.ffm;

import io.jkeepalived.net.NetException;
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
 * Downcalls into glibc for the socket calls the daemon makes. One static final handle per function,
 * each capturing errno (Linker.Option.captureCallState) so a failure is reported with the errno of that
 * very call. Methods return the raw result; the {@code check*} forms throw {@link NetException} naming
 * the operation and strerror's text. EAGAIN and EINTR are left to the callers as values
 * (OpenJDK's IOStatus habit), everything else is an exception.
 *
 * <p>Blocking calls (recvmsg, poll) pin a virtual thread's carrier: call them on platform threads.
 */
public final class Libc {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LOOKUP = LINKER.defaultLookup();
    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO_HANDLE =
            CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    /** One errno capture area per thread, allocated once: no allocation per call in steady state. */
    private static final ThreadLocal<MemorySegment> CAPTURE =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(CAPTURE_LAYOUT));

    private static final MethodHandle SOCKET = errnoHandle("socket", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle BIND = errnoHandle("bind", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle SETSOCKOPT =
            errnoHandle("setsockopt", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle GETSOCKOPT =
            errnoHandle("getsockopt", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle SENDTO =
            errnoHandle("sendto", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle SENDMSG = errnoHandle("sendmsg", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle RECVMSG = errnoHandle("recvmsg", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle POLL = errnoHandle("poll", JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT);
    private static final MethodHandle EVENTFD = errnoHandle("eventfd", JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle READ = errnoHandle("read", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG);
    private static final MethodHandle WRITE = errnoHandle("write", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG);
    private static final MethodHandle CLOSE = errnoHandle("close", JAVA_INT, JAVA_INT);
    private static final MethodHandle SHUTDOWN = errnoHandle("shutdown", JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle IF_NAMETOINDEX = errnoHandle("if_nametoindex", JAVA_INT, ADDRESS);
    private static final MethodHandle IF_INDEXTONAME =
            errnoHandle("if_indextoname", ADDRESS, JAVA_INT, ADDRESS);
    private static final MethodHandle SETNS = errnoHandle("setns", JAVA_INT, JAVA_INT, JAVA_INT);
    /** open(2) is variadic; only the two fixed arguments are passed (no O_CREAT, so no mode). */
    private static final MethodHandle OPEN = errnoHandle("open", JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle STRERROR = LINKER.downcallHandle(
            LOOKUP.find("strerror").orElseThrow(), FunctionDescriptor.of(ADDRESS, JAVA_INT));

    private Libc() {
    }

    private static MethodHandle errnoHandle(String name, MemoryLayout result, MemoryLayout... args) {
        MemorySegment symbol = LOOKUP.find(name)
                .orElseThrow(() -> new IllegalStateException("libc has no " + name));
        return LINKER.downcallHandle(symbol, FunctionDescriptor.of(result, args),
                Linker.Option.captureCallState("errno"));
    }

    private static MemorySegment capture() {
        return CAPTURE.get();
    }

    /** The errno of the last call made through this class on this thread. */
    public static int errno() {
        return (int) ERRNO_HANDLE.get(capture(), 0L);
    }

    /** strerror(3): the C library's text for an errno value. */
    public static String strerror(int errno) {
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
            return text.reinterpret(1024).getString(0);
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }

    /** The exception for a failed call, naming the operation and the errno text. */
    public static NetException failure(String operation, int errno) {
        return new NetException(operation, errno, strerror(errno));
    }

    /** Throws for -1 with the call's errno; returns the result otherwise. */
    public static int check(String operation, int result) {
        if (result < 0) {
            throw failure(operation, errno());
        }
        return result;
    }

    public static long check(String operation, long result) {
        if (result < 0) {
            throw failure(operation, errno());
        }
        return result;
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }

    public static int socket(int domain, int type, int protocol) {
        try {
            return (int) SOCKET.invokeExact(capture(), domain, type, protocol);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int bind(int fd, MemorySegment addr, int len) {
        try {
            return (int) BIND.invokeExact(capture(), fd, addr, len);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int setsockopt(int fd, int level, int name, MemorySegment value, int len) {
        try {
            return (int) SETSOCKOPT.invokeExact(capture(), fd, level, name, value, len);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int getsockopt(int fd, int level, int name, MemorySegment value, MemorySegment len) {
        try {
            return (int) GETSOCKOPT.invokeExact(capture(), fd, level, name, value, len);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static long sendto(int fd, MemorySegment buf, long len, int flags, MemorySegment addr, int addrLen) {
        try {
            return (long) SENDTO.invokeExact(capture(), fd, buf, len, flags, addr, addrLen);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static long sendmsg(int fd, MemorySegment msghdr, int flags) {
        try {
            return (long) SENDMSG.invokeExact(capture(), fd, msghdr, flags);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static long recvmsg(int fd, MemorySegment msghdr, int flags) {
        try {
            return (long) RECVMSG.invokeExact(capture(), fd, msghdr, flags);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int poll(MemorySegment fds, long nfds, int timeoutMillis) {
        try {
            return (int) POLL.invokeExact(capture(), fds, nfds, timeoutMillis);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int eventfd(int initval, int flags) {
        try {
            return (int) EVENTFD.invokeExact(capture(), initval, flags);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static long read(int fd, MemorySegment buf, long len) {
        try {
            return (long) READ.invokeExact(capture(), fd, buf, len);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static long write(int fd, MemorySegment buf, long len) {
        try {
            return (long) WRITE.invokeExact(capture(), fd, buf, len);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int close(int fd) {
        try {
            return (int) CLOSE.invokeExact(capture(), fd);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int shutdown(int fd, int how) {
        try {
            return (int) SHUTDOWN.invokeExact(capture(), fd, how);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int setns(int fd, int nstype) {
        try {
            return (int) SETNS.invokeExact(capture(), fd, nstype);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int open(String path, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            return (int) OPEN.invokeExact(capture(), arena.allocateFrom(path), flags);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** if_nametoindex(3), throwing when the interface does not exist. */
    public static int ifNameToIndex(String name) {
        int index;
        try (Arena arena = Arena.ofConfined()) {
            index = (int) IF_NAMETOINDEX.invokeExact(capture(), arena.allocateFrom(name));
        } catch (Throwable t) {
            throw rethrow(t);
        }
        if (index == 0) {
            throw failure("if_nametoindex(" + name + ")", errno());
        }
        return index;
    }

    /** if_indextoname(3), throwing when no interface has that index. */
    public static String ifIndexToName(int index) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(Sock.IF_NAMESIZE);
            MemorySegment result = (MemorySegment) IF_INDEXTONAME.invokeExact(capture(), index, buf);
            if (result.address() == 0) {
                throw failure("if_indextoname(" + index + ")", errno());
            }
            return buf.getString(0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Sets an int-valued socket option, throwing with the option's name on failure. */
    public static void setIntOption(int fd, int level, int name, int value, String what) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(ValueLayout.JAVA_INT);
            v.set(ValueLayout.JAVA_INT, 0, value);
            check("setsockopt(" + what + ")", setsockopt(fd, level, name, v, 4));
        }
    }

    /** Reads an int-valued socket option. */
    public static int getIntOption(int fd, int level, int name, String what) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(ValueLayout.JAVA_INT);
            MemorySegment len = arena.allocate(ValueLayout.JAVA_INT);
            len.set(ValueLayout.JAVA_INT, 0, 4);
            check("getsockopt(" + what + ")", getsockopt(fd, level, name, v, len));
            return v.get(ValueLayout.JAVA_INT, 0);
        }
    }

    /** Closes a descriptor, reporting a failure (EBADF means a double close: a bug worth seeing). */
    public static void closeChecked(int fd, String what) {
        if (close(fd) < 0) {
            throw failure("close(" + what + ")", errno());
        }
    }
}
