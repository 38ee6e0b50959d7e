package io.jkeepalived.check;

import io.jkeepalived.config.model.ConnectOptions;
import java.io.IOException;

/**
 * PING_CHECK (check_ping.c): up on an ICMP/ICMPv6 echo reply within connect_timeout. The JDK sends a real
 * echo request when the process may open raw sockets (as root); that call blocks in native code, so the
 * runtime runs these probes on platform threads rather than virtual ones.
 */
public final class PingProbe implements Probe {
    private final ConnectOptions co;

    public PingProbe(ConnectOptions co) {
        this.co = co;
    }

    @Override
    public Outcome run(int urlIndex) {
        try {
            return co.destination().address().isReachable(TcpProbe.millis(co.connectTimeout()))
                    ? Outcome.up() : new Outcome.Down("timeout");
        } catch (IOException e) {
            return new Outcome.Down("failed");
        }
    }
}
