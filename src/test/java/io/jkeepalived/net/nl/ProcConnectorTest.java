package io.jkeepalived.net.nl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jkeepalived.net.ProcessEvent;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The connector codec against datagrams captured from the real kernel (6.18, x86_64, Debian 12) on
 * 2026-11-25 with src/test/resources/io/jkeepalived/net/nl/proc-connector-capture.py, run as root in the
 * initial network namespace: it binds a NETLINK_CONNECTOR socket to group CN_IDX_PROC, sends
 * PROC_CN_MCAST_LISTEN, starts a python3 child that renames itself "cncapfix" (prctl PR_SET_NAME) and
 * prints each datagram. The child was pid 24990 (0x619e), its parent 24922 (0x615a).
 */
class ProcConnectorTest {
    static final String ACK = "4c00000003000000630300000000000001000000010000006303000001000000"
            + "280000000000000000000000d42ec5e2b40e0000000000000000000000000000000000000000000000000000";
    static final String FORK = "4c000000030000006403000000000000010000000100000064030000000000002800000001000000"
            + "000000002d12c7e2b40e00005a6100005a6100009e6100009e6100000000000000000000";
    static final String EXEC = "4c000000030000004b0400000000000001000000010000004b0400000000000028000000020000000"
            + "10000006dc8d2e2b40e00009e6100009e61000000000000000000000000000000000000";
    static final String COMM = "4c000000030000005d0400000000000001000000010000005d04000000000000280000000002000001"
            + "000000c920c6e6b40e00009e6100009e610000636e6361706669780000000000000000";
    static final String EXIT = "4c000000030000005e0400000000000001000000010000005e0400000000000028000000000000800100"
            + "00006ab226e7b40e00009e6100009e61000000000000110000005a6100005a610000";
    /** Another process's thread (tid 0x619d of 0x48e4) ending: exit_signal -1. */
    static final String THREAD_EXIT = "4c000000030000004c0400000000000001000000010000004c04000000000000280000000000"
            + "0080010000008bf4eee2b40e00009d610000e448000000000000ffffffff0000000000000000";

    private static NlMessage message(String hex) {
        byte[] b = HexFormat.of().parseHex(hex);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
        List<NlMessage> ms = ((NlDecoded.Messages) NlDecoded.decode(buf, b.length)).messages();
        assertThat(ms).hasSize(1);
        assertThat(ms.getFirst().type()).isEqualTo(Netlink.NLMSG_DONE);
        return ms.getFirst();
    }

    @Test
    void decodesTheListenAcknowledgement() {
        assertThat(ProcConnector.decode(message(ACK))).isEqualTo(new ProcessEvent.Ack(0));
    }

    @Test
    void decodesForkExecCommAndExitOfOneChild() {
        assertThat(ProcConnector.decode(message(FORK))).isEqualTo(new ProcessEvent.Fork(24922, 24922, 24990, 24990));
        assertThat(ProcConnector.decode(message(EXEC))).isEqualTo(new ProcessEvent.Exec(24990, 24990));
        assertThat(ProcConnector.decode(message(COMM))).isEqualTo(new ProcessEvent.Comm(24990, 24990, "cncapfix"));
        assertThat(ProcConnector.decode(message(EXIT))).isEqualTo(new ProcessEvent.Exit(24990, 24990, 0, 17));
    }

    @Test
    void aThreadsExitNamesTheThreadAndItsProcess() {
        assertThat(ProcConnector.decode(message(THREAD_EXIT))).isEqualTo(new ProcessEvent.Exit(0x619d, 0x48e4, 0, -1));
    }

    @Test
    void ignoresOtherConnectorIndexesAndUnknownKinds() {
        byte[] b = HexFormat.of().parseHex(EXEC);
        b[16] = 7; // cn_msg idx
        NlMessage other = NlDecoded.decode(ByteBuffer.wrap(b).order(ByteOrder.nativeOrder()), b.length) instanceof
                NlDecoded.Messages(List<NlMessage> ms) ? ms.getFirst() : null;
        assertThat(ProcConnector.decode(other)).isNull();
        byte[] uid = HexFormat.of().parseHex(EXEC);
        uid[36] = 4; // PROC_EVENT_UID
        assertThat(ProcConnector.decode(message(HexFormat.of().formatHex(uid)))).isNull();
    }

    @Test
    void rejectsAnEventShorterThanItsKind() {
        byte[] b = HexFormat.of().parseHex(FORK);
        b[32] = 20; // cn_msg len: 16 header bytes and 4 of fork's 16
        assertThatThrownBy(() -> ProcConnector.decode(message(HexFormat.of().formatHex(b))))
                .isInstanceOf(NlFormatException.class);
    }

    @Test
    void writesTheListenRequestAsTheKernelExpectsIt() {
        ByteBuffer buf = ByteBuffer.allocate(64);
        int len = ProcConnector.mcast(new NlWriter(buf), 7, 0, ProcConnector.PROC_CN_MCAST_LISTEN);
        // nlmsghdr (len 40, NLMSG_DONE, seq 7), cn_msg (idx 1, val 1, seq 7, ack 0, len 4), op 1
        assertThat(HexFormat.of().formatHex(buf.array(), 0, len)).isEqualTo(
                "28000000030000000700000000000000" + "0100000001000000070000000000000004000000" + "01000000");
    }
}
