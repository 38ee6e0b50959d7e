package io.jkeepalived.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class IpvsGuestSelfTest {

    @Test
    void aNatServiceAddedWithIpvsadmIsListedByTheGuestKernel() {
        CommandResult r = IpvsGuest.run("""
                ipvsadm -A -t 10.99.1.1:80 -s rr && ipvsadm -a -t 10.99.1.1:80 -r 10.99.2.1:80 -m && ipvsadm -Ln
                """);

        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).as(r.describe())
                .contains("IP Virtual Server version")
                .containsPattern("TCP  10\\.99\\.1\\.1:80 rr\\s*\\n")
                .containsPattern("-> 10\\.99\\.2\\.1:80\\s+Masq\\s+1\\s+0\\s+0");
    }

    @Test
    void theScriptsOutputStreamsAndExitStatusComeBackSeparately() {
        CommandResult r = IpvsGuest.run("""
                grep -qw ip_vs_mh /proc/modules && echo "schedulers loaded"
                echo "to stderr" >&2
                exit 7
                """);

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(7);
        assertThat(r.stdout()).isEqualTo("schedulers loaded\n");
        assertThat(r.stderr()).isEqualTo("to stderr\n");
    }
}
