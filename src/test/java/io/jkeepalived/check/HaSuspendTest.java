package io.jkeepalived.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** ha_suspend: checkers idle while the virtual server's address is not on this host (check_api.c). */
class HaSuspendTest {
    private static final String VS = "[10.0.0.1]:tcp:80";
    private static final String RS = "[10.0.0.2]:tcp:80";

    @Test
    void checkersWaitForTheVirtualAddressAndStopWhenItGoes() {
        Timeline t = new Timeline("virtual_server 10.0.0.1 80 {\n protocol TCP\n lvs_sched rr\n lvs_method NAT\n"
                + " delay_loop 2\n ha_suspend\n real_server 10.0.0.2 80 {\n  TCP_CHECK {\n   retry 0\n   warmup 0\n  }\n }\n}\n");
        AtomicBoolean local = new AtomicBoolean(false);
        t.scheduler.addressCheck(a -> local.get());
        t.set("10.0.0.2:80", new Outcome.Down("refused"));
        t.start();
        t.runUntil(10);
        assertThat(t.lines).contains("t=0 Deactivating healthchecker for service " + RS + " for VS " + VS);
        assertThat(t.lines).noneMatch(l -> l.contains("TCP_CHECK"));
        local.set(true);
        t.scheduler.pollAddresses();
        t.runUntil(12);
        assertThat(t.lines).contains("t=10 Activating healthchecker for service " + RS + " for VS " + VS,
                "t=11 TCP_CHECK on service " + RS + " failed.");
        local.set(false);
        t.scheduler.pollAddresses();
        assertThat(t.lines).contains("t=12 Suspending healthchecker for service " + RS + " for VS " + VS);
    }
}
