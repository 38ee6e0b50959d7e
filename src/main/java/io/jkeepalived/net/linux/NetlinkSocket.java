package io.jkeepalived.net.linux;

import io.jkeepalived.net.NetException;
import io.jkeepalived.net.ffm.Layouts;
import io.jkeepalived.net.ffm.Libc;
import io.jkeepalived.net.ffm.Sock;
import io.jkeepalived.net.nl.Netlink;
import io.jkeepalived.net.nl.NlDecoded;
import io.jkeepalived.net.nl.NlError;
import io.jkeepalived.net.nl.NlMessage;
import io.jkeepalived.net.nl.NlWriter;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A netlink socket (NETLINK_ROUTE or NETLINK_GENERIC). {@link #call} sends one request and collects its
 * answer: the messages of a dump up to NLMSG_DONE, or the reply and acknowledgement of a request; a
 * NLMSG_ERROR with an errno becomes a {@link NetException} naming the operation, the errno text and
 * the kernel's extended-ack message. Calls are serialised on the socket. A socket opened with groups
 * receives announcements through {@link #receive}; {@link #send} serves NETLINK_CONNECTOR's requests.
 */
public final class NetlinkSocket implements AutoCloseable {
    /** {@link #receive} result: woken. */
    public static final int WOKEN = WakeablePoll.WOKEN;
    /** {@link #receive} result: timed out. */
    public static final int TIMED_OUT = WakeablePoll.TIMED_OUT;
    /** {@link #receive} result: the kernel dropped announcements (ENOBUFS): state must be dumped again. */
    public static final int OVERRUN = -3;

    private static final int BUFFER_SIZE = 256 * 1024;
    private static final int DUMP_RETRIES = 5;
    /** The kernel answers at once; silence this long means something is wrong, and is said so. */
    private static final int ANSWER_TIMEOUT_MILLIS = 10_000;

    private final int protocol;
    private final int fd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment sendBuf = arena.allocate(64 * 1024, 8);
    private final MemorySegment recvBuf = arena.allocate(BUFFER_SIZE, 8);
    private final MemorySegment kernel = arena.allocate(Layouts.SOCKADDR_NL);
    private final MemorySegment msg = arena.allocate(Layouts.MSGHDR);
    private final MemorySegment iov = arena.allocate(Layouts.IOVEC);
    private final MemorySegment from = arena.allocate(Layouts.SOCKADDR_NL);
    private final ByteBuffer request = ByteBuffer.allocate(64 * 1024).order(ByteOrder.nativeOrder());
    private final WakeablePoll poll;
    private int seq = (int) (System.nanoTime() & 0x3fffffff);

    private NetlinkSocket(int protocol, int groups) {
        this.protocol = protocol;
        this.fd = Libc.check("socket(AF_NETLINK, " + protocol + ")",
                Libc.socket(Sock.AF_NETLINK, Sock.SOCK_RAW | Sock.SOCK_CLOEXEC, protocol));
        try {
            kernel.set(ValueLayout.JAVA_SHORT, 0, (short) Sock.AF_NETLINK);
            MemorySegment local = arena.allocate(Layouts.SOCKADDR_NL);
            local.set(ValueLayout.JAVA_SHORT, 0, (short) Sock.AF_NETLINK);
            local.set(ValueLayout.JAVA_INT, Layouts.NL_GROUPS, groups);
            Libc.check("bind(netlink " + protocol + ", groups 0x" + Integer.toHexString(groups) + ")",
                    Libc.bind(fd, local, (int) local.byteSize()));
            Libc.setIntOption(fd, Netlink.SOL_NETLINK, Netlink.NETLINK_EXT_ACK, 1, "NETLINK_EXT_ACK");
            Libc.setIntOption(fd, Netlink.SOL_NETLINK, Netlink.NETLINK_CAP_ACK, 1, "NETLINK_CAP_ACK");
            if (groups != 0) {
                // announcements come in bursts (a link going down takes its addresses and routes with it)
                Libc.setIntOption(fd, Sock.SOL_SOCKET, Sock.SO_RCVBUF, 1024 * 1024, "SO_RCVBUF");
            }
            this.poll = new WakeablePoll(fd, arena);
        } catch (RuntimeException e) {
            Libc.close(fd);
            arena.close();
            throw e;
        }
    }

    /** A socket for requests only. */
    public static NetlinkSocket open(int protocol) {
        return new NetlinkSocket(protocol, 0);
    }

    /** A socket that also receives the announcements of the given legacy groups (RTMGRP_*). */
    public static NetlinkSocket subscribe(int protocol, int groups) {
        return new NetlinkSocket(protocol, groups);
    }

    /** Writes one request message for a sequence number; returns its length. */
    @FunctionalInterface
    public interface Request {
        int write(NlWriter writer, int seq);
    }

    /**
     * Sends a request and returns the messages answering it (without the final NLMSG_DONE or ack).
     * An interrupted dump (NLM_F_DUMP_INTR) is asked again.
     */
    public synchronized List<NlMessage> call(String operation, Request build) {
        for (int attempt = 0; ; attempt++) {
            List<NlMessage> answer = new ArrayList<>();
            boolean interrupted = callOnce(operation, build, answer);
            if (!interrupted) {
                return answer;
            }
            if (attempt == DUMP_RETRIES) {
                throw new NetException(operation, "dump interrupted " + DUMP_RETRIES + " times (NLM_F_DUMP_INTR)");
            }
        }
    }

    private boolean callOnce(String operation, Request build, List<NlMessage> answer) {
        int mySeq = ++seq;
        request.clear();
        NlWriter writer = new NlWriter(request);
        int len = build.write(writer, mySeq);
        int flags = request.getShort(NlMessage.FLAGS_OFFSET) & 0xffff;
        boolean wantsAck = (flags & Netlink.NLM_F_ACK) != 0;
        boolean dump = (flags & Netlink.NLM_F_DUMP) == Netlink.NLM_F_DUMP;
        MemorySegment.copy(request.array(), 0, sendBuf, ValueLayout.JAVA_BYTE, 0, len);
        long sent = Libc.sendto(fd, sendBuf, len, 0, kernel, (int) kernel.byteSize());
        if (sent < 0) {
            throw Libc.failure("sendto(netlink: " + operation + ")", Libc.errno());
        }
        boolean interrupted = false;
        while (true) {
            List<NlMessage> messages = receiveDatagram(operation);
            for (NlMessage m : messages) {
                if (m.seq() != mySeq) {
                    continue; // a late answer to an earlier, abandoned request
                }
                if ((m.flags() & Netlink.NLM_F_DUMP_INTR) != 0) {
                    interrupted = true;
                }
                if (m.isError()) {
                    NlError error = NlError.parse(m);
                    if (!error.isAck()) {
                        throw failure(operation, error);
                    }
                    return interrupted;
                }
                if (m.isDone()) {
                    if (m.payload().limit() >= 4 && m.payload().getInt(0) < 0) {
                        throw Libc.failure(operation, -m.payload().getInt(0));
                    }
                    return interrupted;
                }
                answer.add(m);
                if (!dump && !wantsAck && !m.isMultipart()) {
                    return interrupted;
                }
            }
        }
    }

    /**
     * Sends one message that the kernel does not answer on this socket's sequence (a connector request);
     * a refusal (e.g. ECONNREFUSED where the kernel side is missing) is a {@link NetException}.
     */
    public synchronized void send(String operation, Request build) {
        int mySeq = ++seq;
        request.clear();
        int len = build.write(new NlWriter(request), mySeq);
        MemorySegment.copy(request.array(), 0, sendBuf, ValueLayout.JAVA_BYTE, 0, len);
        long sent = Libc.sendto(fd, sendBuf, len, 0, kernel, (int) kernel.byteSize());
        if (sent < 0) {
            throw Libc.failure("sendto(netlink: " + operation + ")", Libc.errno());
        }
    }

    private static NetException failure(String operation, NlError error) {
        String text = Libc.strerror(error.errno());
        if (error.extAckMessage() != null && !error.extAckMessage().isEmpty()) {
            text = text + ": " + error.extAckMessage();
        }
        return new NetException(operation, error.errno(), text);
    }

    /** Waits for one datagram and splits it into messages. */
    private List<NlMessage> receiveDatagram(String operation) {
        while (true) {
            int ready = poll.await(ANSWER_TIMEOUT_MILLIS, "netlink answer");
            if (ready == WakeablePoll.TIMED_OUT) {
                throw new NetException(operation, "no answer from the kernel in " + ANSWER_TIMEOUT_MILLIS + " ms");
            }
            if (ready == WakeablePoll.WOKEN) {
                throw new NetException(operation, "netlink socket woken for shutdown");
            }
            long n = recv(Sock.MSG_DONTWAIT);
            if (n < 0) {
                int errno = Libc.errno();
                if (errno == Sock.EINTR || errno == Sock.EAGAIN) {
                    continue;
                }
                throw Libc.failure("recvmsg(netlink: " + operation + ")", errno);
            }
            return decode((int) n, operation);
        }
    }

    private long recv(int flags) {
        Layouts.iovec(iov, 0, recvBuf, BUFFER_SIZE);
        Layouts.msghdr(msg, from, (int) from.byteSize(), iov, 1, MemorySegment.NULL, 0);
        long n = Libc.recvmsg(fd, msg, flags);
        if (n >= 0 && (msg.get(ValueLayout.JAVA_INT, Layouts.MSG_FLAGS) & Sock.MSG_TRUNC) != 0) {
            throw new NetException("recvmsg(netlink)", "datagram larger than " + BUFFER_SIZE + " bytes");
        }
        return n;
    }

    private List<NlMessage> decode(int n, String operation) {
        byte[] bytes = new byte[n];
        MemorySegment.copy(recvBuf, ValueLayout.JAVA_BYTE, 0, bytes, 0, n);
        ByteBuffer copy = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
        return switch (NlDecoded.decode(copy, n)) {
            case NlDecoded.Messages(List<NlMessage> messages) -> messages;
            case NlDecoded.Malformed(String reason) -> throw new NetException(operation, "malformed reply: " + reason);
        };
    }

    /**
     * Waits for announcements (a socket made by {@link #subscribe}) and adds them to {@code out}; returns
     * how many were added, or {@link #WOKEN}, {@link #TIMED_OUT} or {@link #OVERRUN}. Platform threads only.
     */
    public int receive(List<NlMessage> out, int timeoutMillis) {
        while (true) {
            int ready = poll.await(timeoutMillis, "netlink monitor");
            if (ready != WakeablePoll.READABLE) {
                return ready;
            }
            long n = recv(Sock.MSG_DONTWAIT);
            if (n < 0) {
                int errno = Libc.errno();
                if (errno == Sock.EAGAIN || errno == Sock.EINTR) {
                    continue;
                }
                if (errno == Sock.ENOBUFS) {
                    return OVERRUN;
                }
                throw Libc.failure("recvmsg(netlink monitor)", errno);
            }
            List<NlMessage> messages = decode((int) n, "netlink monitor");
            out.addAll(messages);
            return messages.size();
        }
    }

    /** Wakes a thread in {@link #receive}; later receives return {@link #WOKEN} at once. */
    public void wakeup() {
        poll.wake();
    }

    public int protocol() {
        return protocol;
    }

    @Override
    public void close() {
        try {
            poll.close();
            Libc.closeChecked(fd, "netlink socket");
        } finally {
            arena.close();
        }
    }
}
