package io.jkeepalived.notify.smtp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.function.Consumer;

/**
 * Sends one alert over one TCP connection, logging as keepalived 2.2.7 does (core/smtp.c). Every wait (the
 * connection, each reply) is bounded by smtp_connect_timeout, and the whole session by {@code deadline}, so a
 * server that trickles bytes cannot hold the sender for ever. Runs on the alert sender's thread only; an
 * interrupt ends it at the next wait.
 */
final class SmtpSession {
    private final SmtpSettings settings;
    private final Consumer<String> log;
    private final Clock clock;

    SmtpSession(SmtpSettings settings, Consumer<String> log, Clock clock) {
        this.settings = settings;
        this.log = log;
        this.clock = clock;
    }

    /** Sends {@code alert}; answers whether the server accepted the message. Never throws for network trouble. */
    boolean send(SmtpAlert alert, Duration overall) {
        long deadline = System.nanoTime() + overall.toNanos();
        InetAddress address;
        try {
            address = InetAddress.getByName(settings.host());
        } catch (UnknownHostException e) {
            // keepalived resolved the name once at start-up; here it is looked up per mail
            log.accept("SMTP connection ERROR to [" + settings.host() + "]:" + settings.port() + ".");
            return false;
        }
        String server = SmtpSettings.hostText(address, settings.port());
        InetSocketAddress target = new InetSocketAddress(address, settings.port());
        try (Selector selector = Selector.open()) {
            // the descriptors just before the socket is made: the new one is its number, for the error lines
            java.util.Map<Integer, String> before = SocketFds.snapshot();
            try (SocketChannel ch = SocketChannel.open(address instanceof java.net.Inet6Address
                    ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET)) {
                int fd = SocketFds.newSocket(before);
                ch.configureBlocking(false);
                if (!connect(ch, selector, target, server, fd, deadline)) return false;
                if (settings.logDetail()) log.accept("Remote SMTP server " + server + " connected.");
                return converse(ch, selector, new SmtpDialogue(settings, alert, server, log), server, fd, deadline);
            }
        } catch (IOException e) {
            log.accept("SMTP connection ERROR to " + server + ".");
            return false;
        }
    }

    private boolean connect(SocketChannel ch, Selector selector, InetSocketAddress target, String server, int fd,
                            long deadline) throws IOException {
        try {
            if (ch.connect(target)) return true;
        } catch (IOException e) {
            // refused at once (no route, network down): keepalived's tcp_connect connect_fail, which it
            // drops without a word
            return false;
        }
        SelectionKey key = ch.register(selector, SelectionKey.OP_CONNECT);
        if (!await(selector, deadline)) {
            if (!Thread.currentThread().isInterrupted()) {
                log.accept("Timeout opening connection to remote SMTP server " + server + ".");
            }
            return false;
        }
        try {
            if (!ch.finishConnect()) return false;
        } catch (IOException e) {
            // the connection failed later (refused, host unreachable): epoll reported an error on the socket
            log.accept("smtp fd " + fd + " returned write error");
            return false;
        }
        selector.selectedKeys().clear();
        key.interestOps(SelectionKey.OP_READ);
        return true;
    }

    private boolean converse(SocketChannel ch, Selector selector, SmtpDialogue dialogue, String server, int fd,
                             long deadline) throws IOException {
        SmtpReplies replies = new SmtpReplies();
        ByteBuffer in = ByteBuffer.allocate(SmtpReplies.MAX);
        while (!dialogue.done()) {
            String out;
            int code = replies.next();
            if (code != SmtpReplies.NONE) {
                out = dialogue.onReply(code, now());
            } else if (!await(selector, deadline)) {
                if (Thread.currentThread().isInterrupted()) return dialogue.sent();
                if (System.nanoTime() - deadline >= 0) {
                    // the whole session's time is up: no second chance for QUIT
                    dialogue.onTimeout(now());
                    return dialogue.sent();
                }
                out = dialogue.onTimeout(now());
            } else {
                selector.selectedKeys().clear();
                in.clear().limit(replies.room());
                int n;
                try {
                    n = ch.read(in);
                } catch (IOException e) {
                    // a reset (the server died, or hung up before our next command): epoll's error event
                    log.accept("smtp fd " + fd + " returned read error");
                    return dialogue.sent();
                }
                if (n < 0) {
                    dialogue.onClosed();
                    return dialogue.sent();
                }
                if (n == 0) continue;
                int c = replies.add(in.array(), 0, n);
                if (c == SmtpReplies.NONE) continue;
                out = c == SmtpReplies.OVERFLOW ? dialogue.onOverflow(now()) : dialogue.onReply(c, now());
            }
            if (out != null && !write(ch, selector, out, server, deadline)) return dialogue.sent();
        }
        return dialogue.sent();
    }

    private boolean write(SocketChannel ch, Selector selector, String text, String server, long deadline) {
        ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        try {
            while (b.hasRemaining()) {
                if (ch.write(b) == 0) {
                    // a full send buffer: wait for room, within the same bounds as a reply
                    SelectionKey key = ch.keyFor(selector);
                    key.interestOps(SelectionKey.OP_WRITE);
                    boolean ready = await(selector, deadline);
                    selector.selectedKeys().clear();
                    key.interestOps(SelectionKey.OP_READ);
                    if (!ready) throw new IOException("send timed out");
                }
            }
            return true;
        } catch (IOException e) {
            log.accept("Cannot send data to remote SMTP server " + server + ".");
            return false;
        }
    }

    /** Waits for the registered event up to smtp_connect_timeout or the deadline; false on timeout or interrupt. */
    private boolean await(Selector selector, long deadline) throws IOException {
        long until = System.nanoTime() + Math.min(settings.connectTimeout().toNanos(), deadline - System.nanoTime());
        while (true) {
            long left = until - System.nanoTime();
            if (left <= 0 || Thread.currentThread().isInterrupted()) return false;
            if (selector.select(Math.max(1, (left + 999_999) / 1_000_000)) > 0) return true;
        }
    }

    private ZonedDateTime now() {
        return ZonedDateTime.now(clock);
    }
}
