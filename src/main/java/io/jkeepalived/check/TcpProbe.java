package io.jkeepalived.check;

import io.jkeepalived.config.model.ConnectOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * TCP_CHECK (check_tcp.c): up when a TCP connection to connect_ip:connect_port completes within
 * connect_timeout; the connection is closed at once. bindto/bind_port are honoured.
 */
public final class TcpProbe implements Probe {
    private final ConnectOptions co;

    public TcpProbe(ConnectOptions co) {
        this.co = co;
    }

    @Override
    public Outcome run(int urlIndex) {
        try (Socket s = connect(co)) {
            return Outcome.up();
        } catch (SocketTimeoutException e) {
            return new Outcome.Down("timeout", 0, true);
        } catch (IOException e) {
            return new Outcome.Down("failed: " + e.getMessage());
        }
    }

    /** A connected socket, bound first when bindto is given; the connect is bounded by connect_timeout. */
    static Socket connect(ConnectOptions co) throws IOException {
        Socket s = new Socket();
        try {
            if (co.bindTo().isPresent()) {
                s.bind(new InetSocketAddress(co.bindTo().get().address(), co.bindTo().get().port()));
            }
            s.connect(new InetSocketAddress(co.destination().address(), co.destination().port()),
                    millis(co.connectTimeout()));
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }
}
