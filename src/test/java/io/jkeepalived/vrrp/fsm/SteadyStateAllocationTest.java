package io.jkeepalived.vrrp.fsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * STYLE.md habit 5, measured: a master's advert tick and a backup hearing its master cost at most the one
 * small ArmTimer record per event when the runtime reuses its decision list.
 */
class SteadyStateAllocationTest {
    private static final long SECOND = 1_000_000_000L;
    private static final com.sun.management.ThreadMXBean MX =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void masterAdvertTickAllocatesAlmostNothing() {
        VrrpMachine m = new VrrpMachine(InstanceSpec.builder("VI_1", 51).build());
        List<VrrpDecision> batch = new ArrayList<>(16);
        long[] now = {0};
        m.handleInto(VrrpEvent.START, now[0], batch);
        now[0] += 4 * SECOND;
        batch.clear();
        m.handleInto(VrrpEvent.TIMER_FIRED, now[0], batch);
        assertThat(m.state()).isEqualTo(VrrpState.MASTER);
        Runnable tick = () -> {
            now[0] += SECOND;
            batch.clear();
            m.handleInto(VrrpEvent.TIMER_FIRED, now[0], batch);
        };
        assertThat(bytesPerEvent(tick)).isLessThanOrEqualTo(32.0);
        assertThat(batch).containsExactly(VrrpDecision.SendAdvert.of(100), new VrrpDecision.ArmTimer(now[0] + SECOND));
    }

    @Test
    void backupHearingItsMasterAllocatesAlmostNothing() {
        VrrpMachine m = new VrrpMachine(InstanceSpec.builder("VI_1", 51).build());
        List<VrrpDecision> batch = new ArrayList<>(16);
        long[] now = {0};
        m.handleInto(VrrpEvent.START, now[0], batch);
        VrrpEvent.AdvertReceived advert = new VrrpEvent.AdvertReceived(Timeline.ip("10.99.0.12"), 200, 1);
        Runnable hear = () -> {
            now[0] += SECOND;
            batch.clear();
            m.handleInto(advert, now[0], batch);
        };
        assertThat(bytesPerEvent(hear)).isLessThanOrEqualTo(32.0);
        assertThat(m.state()).isEqualTo(VrrpState.BACKUP);
    }

    private static double bytesPerEvent(Runnable r) {
        for (int i = 0; i < 50_000; i++) r.run(); // let the JIT settle
        int n = 50_000;
        long before = MX.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < n; i++) r.run();
        return (MX.getCurrentThreadAllocatedBytes() - before) / (double) n;
    }
}
