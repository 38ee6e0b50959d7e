package io.jkeepalived.net.nl;

import io.jkeepalived.net.ProcessEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The process events connector's messages (linux/connector.h, linux/cn_proc.h). A netlink message of
 * type NLMSG_DONE carries a cn_msg, whose data is the listen request (a u32 proc_cn_mcast_op) or, from
 * the kernel, one proc_event. All fields are host order.
 *
 * <pre>
 * cn_msg (20 bytes):      idx u32 | val u32 | seq u32 | ack u32 | len u16 | flags u16 | data...
 * proc_event (40 bytes):  what u32 | cpu u32 | timestamp_ns u64 | event_data (24 bytes, by what)
 *   fork: parent_pid parent_tgid child_pid child_tgid      exec: process_pid process_tgid
 *   comm: process_pid process_tgid comm[16]                exit: process_pid process_tgid exit_code
 *                                                                exit_signal parent_pid parent_tgid
 *   none (ack): err
 * </pre>
 */
public final class ProcConnector {
    /** NETLINK_CONNECTOR, the netlink protocol of the connector. */
    public static final int NETLINK_CONNECTOR = 11;
    /** CN_IDX_PROC: the connector index of process events, also the multicast group to bind to. */
    public static final int CN_IDX_PROC = 1;
    public static final int CN_VAL_PROC = 1;
    public static final int PROC_CN_MCAST_LISTEN = 1;
    public static final int PROC_CN_MCAST_IGNORE = 2;

    public static final int PROC_EVENT_NONE = 0;
    public static final int PROC_EVENT_FORK = 0x1;
    public static final int PROC_EVENT_EXEC = 0x2;
    public static final int PROC_EVENT_COMM = 0x200;
    public static final int PROC_EVENT_EXIT = 0x80000000;

    static final int CN_MSG_SIZE = 20;
    static final int EVENT_DATA = 16;
    static final int TASK_COMM_LEN = 16;

    private ProcConnector() {
    }

    /** Writes the request that subscribes (or, with PROC_CN_MCAST_IGNORE, unsubscribes) the socket. */
    public static int mcast(NlWriter w, int seq, int portId, int op) {
        return w.begin(Netlink.NLMSG_DONE, 0, seq, portId)
                .putU32(CN_IDX_PROC).putU32(CN_VAL_PROC).putU32(seq).putU32(0)
                .putU16(4).putU16(0)
                .putU32(op)
                .end();
    }

    /**
     * The event a message carries, or null for one of no interest (another connector index, an event kind
     * track_process ignores). A message too short for its kind is a {@link NlFormatException}.
     */
    public static ProcessEvent decode(NlMessage m) {
        ByteBuffer p = m.payload();
        if (p.limit() < CN_MSG_SIZE) {
            throw new NlFormatException("connector message shorter than cn_msg: " + p.limit());
        }
        if (p.getInt(0) != CN_IDX_PROC || p.getInt(4) != CN_VAL_PROC) {
            return null;
        }
        int len = p.getShort(16) & 0xffff;
        if (p.limit() < CN_MSG_SIZE + len || len < EVENT_DATA + 4) {
            throw new NlFormatException("proc_event of " + len + " bytes in a " + p.limit() + "-byte message");
        }
        int at = CN_MSG_SIZE + EVENT_DATA;
        int what = p.getInt(CN_MSG_SIZE);
        int need = switch (what) {
            case PROC_EVENT_FORK -> 16;
            case PROC_EVENT_EXEC -> 8;
            case PROC_EVENT_COMM -> 8 + TASK_COMM_LEN;
            case PROC_EVENT_EXIT -> 16;
            default -> 4;
        };
        if (len < EVENT_DATA + need) {
            throw new NlFormatException("proc_event 0x" + Integer.toHexString(what) + " of only " + len + " bytes");
        }
        return switch (what) {
            case PROC_EVENT_NONE -> new ProcessEvent.Ack(p.getInt(at));
            case PROC_EVENT_FORK -> new ProcessEvent.Fork(p.getInt(at), p.getInt(at + 4), p.getInt(at + 8),
                    p.getInt(at + 12));
            case PROC_EVENT_EXEC -> new ProcessEvent.Exec(p.getInt(at), p.getInt(at + 4));
            case PROC_EVENT_COMM -> new ProcessEvent.Comm(p.getInt(at), p.getInt(at + 4), comm(p, at + 8));
            case PROC_EVENT_EXIT -> new ProcessEvent.Exit(p.getInt(at), p.getInt(at + 4), p.getInt(at + 8),
                    p.getInt(at + 12));
            default -> null;
        };
    }

    private static String comm(ByteBuffer p, int at) {
        int n = 0;
        while (n < TASK_COMM_LEN && p.get(at + n) != 0) n++;
        byte[] b = new byte[n];
        p.get(at, b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
