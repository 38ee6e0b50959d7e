package io.jkeepalived.net.linux;

import io.jkeepalived.net.NetException;
import io.jkeepalived.net.ProcessEvent;
import io.jkeepalived.net.ProcessEvents;
import io.jkeepalived.net.ffm.Libc;
import io.jkeepalived.net.nl.NlFormatException;
import io.jkeepalived.net.nl.NlMessage;
import io.jkeepalived.net.nl.ProcConnector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The kernel's process events, as keepalived's track_process follows them: a NETLINK_CONNECTOR socket
 * bound to the CN_IDX_PROC group that sends PROC_CN_MCAST_LISTEN. Outside the initial network namespace
 * the connector has no kernel side and the listen request is refused with ECONNREFUSED (lab-facts):
 * {@link #open} then throws, and the caller reads /proc instead. One platform thread polls; any thread
 * may wake it.
 */
public final class ProcessConnector implements ProcessEvents {
    /** The operation named in failures (keepalived: "Failed to set/clear process event listen"). */
    public static final String LISTEN = "process event listen";
    private static final long ACK_TIMEOUT_NANOS = 2_000_000_000L;

    private final NetlinkSocket socket;
    private final List<NlMessage> batch = new ArrayList<>();

    private ProcessConnector(NetlinkSocket socket) {
        this.socket = socket;
    }

    /**
     * Subscribes in the namespace of the calling thread. Throws a {@link NetException} (errno 111,
     * ECONNREFUSED, in a non-initial network namespace) when the connector refuses.
     */
    public static ProcessConnector open() {
        NetlinkSocket s = NetlinkSocket.subscribe(ProcConnector.NETLINK_CONNECTOR, ProcConnector.CN_IDX_PROC);
        try {
            s.send(LISTEN, (w, seq) -> ProcConnector.mcast(w, seq, 0, ProcConnector.PROC_CN_MCAST_LISTEN));
            ProcessConnector c = new ProcessConnector(s);
            c.awaitAck();
            return c;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /**
     * The connector answers a listen request with a PROC_EVENT_NONE whose err is 0, or EPERM without
     * CAP_NET_ADMIN; from a non-initial pid or user namespace it stays silent and sends no events, so
     * silence is a refusal too. Other listeners' events and acknowledgements may come first.
     */
    private void awaitAck() {
        long deadline = System.nanoTime() + ACK_TIMEOUT_NANOS;
        int[] err = {-1};
        while (err[0] < 0) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new NetException(LISTEN, "no acknowledgement from the connector in "
                        + ACK_TIMEOUT_NANOS / 1_000_000 + " ms");
            }
            int n = poll(e -> {
                if (e instanceof ProcessEvent.Ack(int code) && err[0] < 0) err[0] = code;
            }, (int) left);
            if (n == WOKEN) throw new NetException(LISTEN, "woken for shutdown");
        }
        if (err[0] != 0) throw Libc.failure(LISTEN, err[0]);
    }

    @Override
    public int poll(Consumer<ProcessEvent> sink, int timeoutMillis) {
        batch.clear();
        int n = socket.receive(batch, timeoutMillis);
        if (n == NetlinkSocket.OVERRUN) {
            return OVERRUN;
        }
        if (n < 0) {
            return n;
        }
        int count = 0;
        for (NlMessage m : batch) {
            ProcessEvent e;
            try {
                e = ProcConnector.decode(m);
            } catch (NlFormatException bad) {
                continue; // the safety-net rescan corrects whatever a malformed event would have said
            }
            if (e != null) {
                sink.accept(e);
                count++;
            }
        }
        return count;
    }

    @Override
    public void wakeup() {
        socket.wakeup();
    }

    @Override
    public void close() {
        socket.close();
    }
}
