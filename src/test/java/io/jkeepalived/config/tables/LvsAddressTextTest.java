package io.jkeepalived.config.tables;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.model.Endpoint;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class LvsAddressTextTest {

    @Test
    void ipv4FollowsGlibcInetPton() {
        assertThat(InetText.parse("10.0.0.1")).isNotNull();
        assertThat(InetText.parse("255.255.255.255")).isNotNull();
        assertThat(InetText.parse("10.0.0.256")).isNull();
        assertThat(InetText.parse("10.0.0")).isNull();
        assertThat(InetText.parse("10.0.0.01")).isNull();
        assertThat(InetText.parse("10.0.0.1 ")).isNull();
    }

    @Test
    void ipv6FollowsGlibcInetPton() throws Exception {
        assertThat(InetText.parse("::")).isEqualTo(InetAddress.getByName("::"));
        assertThat(InetText.parse("2001:db8::1")).isEqualTo(InetAddress.getByName("2001:db8::1"));
        assertThat(InetText.parse("::ffff:10.0.0.1").getAddress()).hasSize(16);
        assertThat(InetText.parse("1:2:3:4:5:6:7:8")).isNotNull();
        assertThat(InetText.parse("1:2:3:4:5:6:7:8:9")).isNull();
        assertThat(InetText.parse("1::2::3")).isNull();
        assertThat(InetText.parse("[::1]")).isNull();
        assertThat(InetText.parse("fe80::1%eth0")).isNull();
        assertThat(InetText.parse("12345::1")).isNull();
    }

    @Test
    void rangeAndMaskSuffixesAreIgnoredForTheAddress() throws Exception {
        assertThat(InetText.parseHead("10.0.0.1-20")).isEqualTo(InetAddress.getByName("10.0.0.1"));
        assertThat(InetText.parseHead("10.0.0.0/24")).isEqualTo(InetAddress.getByName("10.0.0.0"));
    }

    @Test
    void ntopCompressesTheLongestZeroRun() throws Exception {
        assertThat(Endpoint.ntop(InetAddress.getByName("fe80::1"))).isEqualTo("fe80::1");
        assertThat(Endpoint.ntop(InetAddress.getByName("2001:db8:0:0:1:0:0:1"))).isEqualTo("2001:db8::1:0:0:1");
        assertThat(Endpoint.ntop(InetText.parse("::"))).isEqualTo("::");
        assertThat(Endpoint.ntop(InetAddress.getByName("10.1.2.3"))).isEqualTo("10.1.2.3");
    }

    @Test
    void inetAtonAcceptsShortAndBasedForms() {
        assertThat(InetAton.parse("255.255.255.0")).isEqualTo(0xFFFFFF00L);
        assertThat(InetAton.parse("0xffffff00")).isEqualTo(0xFFFFFF00L);
        assertThat(InetAton.parse("255.255.0xff00")).isEqualTo(0xFFFFFF00L);
        assertThat(InetAton.parse("256.0.0.0")).isNull();
        assertThat(InetAton.parse("1.2.3.4.5")).isNull();
    }
}
