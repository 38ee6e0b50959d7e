package io.jkeepalived.net.nl;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.net.InterfaceAddress;
import io.jkeepalived.net.Link;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decodes replies captured once from the kernel (src/test/resources/io/jkeepalived/net/nl/*.hex). */
class KernelRepliesTest {
    private static List<NlMessage> messages(String fixture) {
        byte[] bytes = Fixtures.resource(fixture);
        NlDecoded decoded = NlDecoded.decode(Fixtures.buffer(bytes), bytes.length);
        assertThat(decoded).isInstanceOf(NlDecoded.Messages.class);
        return ((NlDecoded.Messages) decoded).messages();
    }

    @Test
    void linkDumpDecodesEveryInterfaceWithNameMacAndKind() {
        List<NlMessage> ms = messages("getlink-dump.hex");
        assertThat(ms).allSatisfy(m -> {
            assertThat(m.type()).isEqualTo(Rtnetlink.RTM_NEWLINK);
            assertThat(m.isMultipart()).isTrue();
        });
        List<Link> links = ms.stream().map(RtnlReplies::link).toList();
        assertThat(links).extracting(Link::name).containsExactly("lo", "eth0");
        Link lo = links.get(0);
        assertThat(lo.index()).isEqualTo(1);
        assertThat(lo.hwType()).isEqualTo(IfLink.ARPHRD_LOOPBACK);
        assertThat(lo.flags() & IfLink.IFF_LOOPBACK).isNotZero();
        Link eth0 = links.get(1);
        assertThat(eth0.kind()).isEqualTo("veth");
        assertThat(eth0.mac()).hasSize(6);
        assertThat(eth0.mtu()).isEqualTo(1500);
        assertThat(eth0.isRunning()).isTrue();
    }

    @Test
    void addressDumpDecodesLabelsFlagsAndBothFamilies() throws Exception {
        List<NlMessage> ms = messages("getaddr-dump.hex");
        List<InterfaceAddress> addresses = ms.stream().map(RtnlReplies::address).toList();
        assertThat(addresses).extracting(InterfaceAddress::address).contains(
                InetAddress.getByName("127.0.0.1"), InetAddress.getByName("10.99.0.1"),
                InetAddress.getByName("10.99.0.101"), InetAddress.getByName("::1"),
                InetAddress.getByName("fd00:99::1"));
        InterfaceAddress vip = addresses.stream()
                .filter(a -> a.address().getHostAddress().equals("10.99.0.101")).findFirst().orElseThrow();
        assertThat(vip.label()).isEqualTo("eth0:vip");
        assertThat(vip.prefixLength()).isEqualTo(24);
        assertThat(vip.flags() & IfAddr.IFA_F_SECONDARY).isNotZero();
        InterfaceAddress v6 = addresses.stream()
                .filter(a -> a.address().getHostAddress().startsWith("fd00")).findFirst().orElseThrow();
        assertThat(v6.prefixLength()).isEqualTo(64);
        assertThat(v6.flags() & IfAddr.IFA_F_NODAD).isNotZero();
        assertThat(v6.label()).isNull();
    }

    @Test
    void controllerFamilyReplyGivesIdVersionAndGroups() {
        List<NlMessage> ms = messages("getfamily-nlctrl.hex");
        assertThat(ms).hasSize(1);
        assertThat(GenlHeader.command(ms.getFirst())).isEqualTo(Genetlink.CTRL_CMD_NEWFAMILY);
        RtnlReplies.GenlFamily family = RtnlReplies.family(ms.getFirst());
        assertThat(family.id()).isEqualTo(Genetlink.GENL_ID_CTRL);
        assertThat(family.name()).isEqualTo("nlctrl");
        assertThat(family.version()).isPositive();
        assertThat(family.multicastGroups()).containsKey("notify");
    }

    @Test
    void reEncodingTheDumpHeaderMatchesTheKernelsBytes() {
        byte[] bytes = Fixtures.resource("getaddr-dump.hex");
        NlMessage first = messages("getaddr-dump.hex").getFirst();
        NlWriter w = new NlWriter(java.nio.ByteBuffer.allocate(bytes.length));
        w.begin(first.type(), first.flags(), first.seq(), first.portId());
        byte[] payload = new byte[first.payload().limit()];
        first.payload().get(0, payload);
        w.putBytes(payload);
        int len = w.end();
        assertThat(java.util.Arrays.copyOf(bytes, len)).isEqualTo(java.util.Arrays.copyOf(w.buffer().array(), len));
    }
}
