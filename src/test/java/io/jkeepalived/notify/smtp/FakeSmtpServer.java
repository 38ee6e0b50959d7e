package io.jkeepalived.notify.smtp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A scripted SMTP server on loopback for unit tests: it answers each command line (and the message after
 * DATA) with what {@code replies} says, and keeps every byte each connection sent. A null reply means silence.
 */
final class FakeSmtpServer implements AutoCloseable {
    /** The greeting is asked for with this pseudo-command. */
    static final String GREETING = "<greeting>";
    /** The end of the message after DATA is asked for with this pseudo-command. */
    static final String MESSAGE = "<message>";

    /** Answers like a well-behaved server. */
    static String standard(String command) {
        if (command.equals(GREETING)) return "220 fake ESMTP\r\n";
        if (command.startsWith("HELO")) return "250-fake greets you\r\n250 HELP\r\n";
        if (command.equals("DATA")) return "354 go ahead\r\n";
        if (command.equals(MESSAGE)) return "250 OK queued\r\n";
        if (command.equals("QUIT")) return "221 bye\r\n";
        return "250 OK\r\n";
    }

    private final ServerSocket server;
    private final Function<String, String> replies;
    private final List<ByteArrayOutputStream> received = new ArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();
    private final Thread acceptor;

    FakeSmtpServer(Function<String, String> replies) throws IOException {
        this(InetAddress.getLoopbackAddress(), replies);
    }

    FakeSmtpServer(InetAddress address, Function<String, String> replies) throws IOException {
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(address, 0));
        this.replies = replies;
        this.acceptor = Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** What each connection sent so far, as text. */
    synchronized List<String> conversations() {
        return received.stream().map(b -> b.toString(StandardCharsets.UTF_8)).toList();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                ByteArrayOutputStream rec = new ByteArrayOutputStream();
                synchronized (this) {
                    received.add(rec);
                    sockets.add(s);
                }
                Thread.ofVirtual().start(() -> serve(s, rec));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s, ByteArrayOutputStream rec) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            if (!reply(s, out, GREETING)) return;
            StringBuilder line = new StringBuilder();
            boolean data = false;
            int c;
            while ((c = in.read()) >= 0) {
                synchronized (this) {
                    rec.write(c);
                }
                line.append((char) c);
                if (data) {
                    if (line.toString().endsWith("\r\n.\r\n")) {
                        data = false;
                        line.setLength(0);
                        if (!reply(s, out, MESSAGE)) return;
                    }
                } else if (line.toString().endsWith("\r\n")) {
                    String cmd = line.substring(0, line.length() - 2);
                    line.setLength(0);
                    if (cmd.equals("DATA")) data = true;
                    if (!reply(s, out, cmd)) return;
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** False when the script says to hang up. */
    private boolean reply(Socket s, OutputStream out, String command) throws IOException {
        String r = replies.apply(command);
        if (r == null) return true;
        if (r.equals(HANG_UP)) return false;
        if (r.equals(RESET)) {
            s.setSoLinger(true, 0);
            return false;
        }
        out.write(r.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return true;
    }

    /** A reply that closes the connection instead. */
    static final String HANG_UP = "<hang up>";
    /** A reply that resets the connection instead. */
    static final String RESET = "<reset>";

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (this) {
            for (Socket s : sockets) s.close();
        }
        acceptor.interrupt();
    }
}
