package io.jkeepalived.ipvs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The captured kernel bytes under src/test/resources/ipvs (README.md there) are whole netlink messages, so
 * the IPVS codec's tests can rely on them; a broken re-capture fails here first.
 */
class IpvsNetlinkFixturesTest {
    private static final int GENL_ID_CTRL = 0x10;
    private static final int CTRL_ATTR_FAMILY_ID = 1;
    private static final int IPVS_CMD_GET_SERVICE = 4;

    @Test
    void everyCapturedDatagramIsASequenceOfWholeAlignedNetlinkMessages() throws Exception {
        List<Path> bins;
        try (Stream<Path> s = Files.walk(root())) {
            bins = s.filter(p -> p.toString().endsWith(".bin")).sorted().toList();
        }
        assertThat(bins).hasSizeGreaterThan(100);
        for (Path bin : bins) {
            byte[] b = Files.readAllBytes(bin);
            assertThat(messageTypes(b)).as(bin.toString()).isNotEmpty();
        }
    }

    @Test
    void theServiceDumpOfStep11HoldsTheFourServicesUnderTheResolvedFamilyId() throws Exception {
        Path step = root().resolve("11-list-numeric");
        int family = familyId(Files.readAllBytes(step.resolve("10-recv.bin")));
        byte[] request = Files.readAllBytes(step.resolve("12-send.bin"));
        byte[] dump = Files.readAllBytes(step.resolve("13-recv.bin"));

        assertThat(family).isEqualTo(u16(request, 4));
        assertThat(request[16]).isEqualTo((byte) IPVS_CMD_GET_SERVICE);
        assertThat(messageTypes(dump)).containsExactly(family, family, family, family);
    }

    private static Path root() throws URISyntaxException {
        return Path.of(IpvsNetlinkFixturesTest.class.getResource("/ipvs/steps.txt").toURI()).getParent();
    }

    /** nlmsg_type of each message; fails unless the lengths tile the datagram exactly (NLMSG_ALIGN 4). */
    private static List<Integer> messageTypes(byte[] b) {
        List<Integer> types = new ArrayList<>();
        int off = 0;
        while (off < b.length) {
            int len = ByteBuffer.wrap(b, off, 4).order(ByteOrder.nativeOrder()).getInt();
            assertThat(len).as("nlmsg_len at %d", off).isBetween(16, b.length - off);
            types.add(u16(b, off + 4));
            off += (len + 3) & ~3;
        }
        assertThat(off).isEqualTo(b.length);
        return types;
    }

    /** CTRL_ATTR_FAMILY_ID of a CTRL_CMD_NEWFAMILY reply (attributes after nlmsghdr + genlmsghdr). */
    private static int familyId(byte[] reply) throws IOException {
        assertThat(u16(reply, 4)).isEqualTo(GENL_ID_CTRL);
        int off = 20;
        while (off + 4 <= reply.length) {
            int len = u16(reply, off);
            if (u16(reply, off + 2) == CTRL_ATTR_FAMILY_ID) return u16(reply, off + 4);
            off += (len + 3) & ~3;
        }
        throw new IOException("no CTRL_ATTR_FAMILY_ID");
    }

    private static int u16(byte[] b, int off) {
        return ByteBuffer.wrap(b, off, 2).order(ByteOrder.nativeOrder()).getShort() & 0xffff;
    }
}
