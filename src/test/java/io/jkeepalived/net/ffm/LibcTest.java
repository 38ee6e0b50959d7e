package io.jkeepalived.net.ffm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jkeepalived.net.NetException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/** The binding layer reports kernel errors with the operation, the errno and strerror's text. */
class LibcTest {
    @Test
    void unknownInterfaceNamesTheCallAndTheErrno() {
        assertThatThrownBy(() -> Libc.ifNameToIndex("nosuchif0"))
                .isInstanceOf(NetException.class)
                .hasMessage("if_nametoindex(nosuchif0): No such device (errno 19)")
                .satisfies(e -> assertThat(((NetException) e).errno()).isEqualTo(Sock.ENODEV));
    }

    @Test
    void loopbackHasAnIndexAndAName() {
        int lo = Libc.ifNameToIndex("lo");
        assertThat(lo).isPositive();
        assertThat(Libc.ifIndexToName(lo)).isEqualTo("lo");
    }

    @Test
    void errnoOfTheFailedCallIsCapturedNotALaterOne() {
        int result = Libc.close(-1);
        assertThat(result).isEqualTo(-1);
        assertThat(Libc.errno()).isEqualTo(9); // EBADF
        assertThatThrownBy(() -> Libc.check("close(-1)", Libc.close(-1)))
                .hasMessage("close(-1): Bad file descriptor (errno 9)");
    }

    @Test
    void setsockoptOnABadDescriptorThrowsWithTheOptionName() {
        assertThatThrownBy(() -> Libc.setIntOption(-1, Sock.SOL_SOCKET, Sock.SO_RCVBUF, 1, "SO_RCVBUF"))
                .isInstanceOf(NetException.class)
                .hasMessageStartingWith("setsockopt(SO_RCVBUF): Bad file descriptor");
    }

    @Test
    void eventfdCountsWritesAndReadsThemBack() {
        int fd = Libc.check("eventfd", Libc.eventfd(0, Sock.EFD_CLOEXEC | Sock.EFD_NONBLOCK));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(8);
            v.set(java.lang.foreign.ValueLayout.JAVA_LONG, 0, 3L);
            assertThat(Libc.write(fd, v, 8)).isEqualTo(8);
            v.set(java.lang.foreign.ValueLayout.JAVA_LONG, 0, 0L);
            assertThat(Libc.read(fd, v, 8)).isEqualTo(8);
            assertThat(v.get(java.lang.foreign.ValueLayout.JAVA_LONG, 0)).isEqualTo(3L);
            assertThat(Libc.read(fd, v, 8)).isEqualTo(-1);
            assertThat(Libc.errno()).isEqualTo(Sock.EAGAIN);
        } finally {
            Libc.closeChecked(fd, "eventfd");
        }
    }
}
