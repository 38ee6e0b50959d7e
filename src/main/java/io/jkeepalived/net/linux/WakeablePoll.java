package io.jkeepalived.net.linux;

import io.jkeepalived.net.ffm.Layouts;
import io.jkeepalived.net.ffm.Libc;
import io.jkeepalived.net.ffm.Sock;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Waits until a socket is readable or until another thread calls {@link #wake()}. Closing a descriptor
 * does not wake a thread blocked on it (lab-facts), so receivers poll the socket together with an
 * eventfd; a wake leaves the eventfd readable, so every later wait returns at once too (a shutdown
 * stays a shutdown). The wait runs on the caller's thread and allocates nothing.
 */
final class WakeablePoll implements AutoCloseable {
    /** {@link #await} result: the socket is readable. */
    static final int READABLE = 1;
    /** {@link #await} result: {@link #wake()} was called. */
    static final int WOKEN = -1;
    /** {@link #await} result: the timeout passed. */
    static final int TIMED_OUT = -2;

    private final int socketFd;
    private final int eventFd;
    private final MemorySegment pollFds;
    private final MemorySegment one;

    WakeablePoll(int socketFd, Arena arena) {
        this.socketFd = socketFd;
        this.eventFd = Libc.check("eventfd", Libc.eventfd(0, Sock.EFD_CLOEXEC | Sock.EFD_NONBLOCK));
        this.pollFds = arena.allocate(Layouts.POLLFD, 2);
        this.one = arena.allocate(ValueLayout.JAVA_LONG);
        long size = Layouts.POLLFD.byteSize();
        pollFds.set(ValueLayout.JAVA_INT, Layouts.POLL_FD, socketFd);
        pollFds.set(ValueLayout.JAVA_SHORT, Layouts.POLL_EVENTS, Sock.POLLIN);
        pollFds.set(ValueLayout.JAVA_INT, size + Layouts.POLL_FD, eventFd);
        pollFds.set(ValueLayout.JAVA_SHORT, size + Layouts.POLL_EVENTS, Sock.POLLIN);
    }

    /**
     * Blocks until readable, woken, or {@code timeoutMillis} passed (-1: no timeout). EINTR is retried.
     * A socket error or hang-up counts as readable, so the following receive reports it.
     */
    int await(int timeoutMillis, String what) {
        long size = Layouts.POLLFD.byteSize();
        while (true) {
            pollFds.set(ValueLayout.JAVA_SHORT, Layouts.POLL_REVENTS, (short) 0);
            pollFds.set(ValueLayout.JAVA_SHORT, size + Layouts.POLL_REVENTS, (short) 0);
            int n = Libc.poll(pollFds, 2, timeoutMillis);
            if (n < 0) {
                int errno = Libc.errno();
                if (errno == Sock.EINTR) {
                    continue;
                }
                throw Libc.failure("poll(" + what + ")", errno);
            }
            if (n == 0) {
                return TIMED_OUT;
            }
            if (pollFds.get(ValueLayout.JAVA_SHORT, size + Layouts.POLL_REVENTS) != 0) {
                return WOKEN;
            }
            return READABLE;
        }
    }

    /** Wakes the thread in {@link #await}, now and for every later wait. Safe from any thread. */
    void wake() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment value = arena.allocate(ValueLayout.JAVA_LONG);
            value.set(ValueLayout.JAVA_LONG, 0, 1L);
            long n = Libc.write(eventFd, value, 8);
            if (n < 0 && Libc.errno() != Sock.EAGAIN) {
                throw Libc.failure("write(eventfd)", Libc.errno());
            }
        }
    }

    /** Clears a past wake so the poll blocks again (a receiver restarting after a pause). */
    void rearm() {
        long n = Libc.read(eventFd, one, 8);
        if (n < 0 && Libc.errno() != Sock.EAGAIN) {
            throw Libc.failure("read(eventfd)", Libc.errno());
        }
    }

    int socketFd() {
        return socketFd;
    }

    @Override
    public void close() {
        Libc.closeChecked(eventFd, "eventfd");
    }
}
