package io.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.model.GarpGroup;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** vrrp_garp_interval / garp_group pacing as measured with keepalived 2.2.7 (one packet per gap, repeats collapse). */
class GarpPacerTest {
    private static final long MS = 1_000_000L;

    /** A burst of {@code repeat} rounds over {@code vips} addresses at time 0, then the pacer's wake-ups; (time ms, vip). */
    private static List<String> burst(GarpPacer p, int vips, int repeat, String dev) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < repeat; r++) {
            for (int v = 0; v < vips; v++) {
                if (p.admit(null, v, dev, false, 0)) out.add("0:" + v);
            }
        }
        long wake = p.nextWake();
        while (wake != GarpPacer.NO_WAKE) {
            long at = wake;
            wake = p.run(at, (i, v) -> out.add(at / MS + ":" + v));
        }
        return out;
    }

    @Test
    void withoutAnIntervalEverythingGoesAtOnce() {
        GarpPacer p = new GarpPacer(0, 0, List.of(), d -> d, i -> 0);
        assertThat(p.active()).isFalse();
        assertThat(burst(p, 2, 2, "eth0")).containsExactly("0:0", "0:1", "0:0", "0:1");
    }

    @Test
    void oneGarpPerIntervalAndTheRepeatsOfAWaitingAddressCollapse() {
        // keepalived: vrrp_garp_interval 0.5, vrrp_garp_master_repeat 2, four VIPs → 0, 0.5, 1.0, 1.5, 2.0 s
        GarpPacer p = new GarpPacer(500_000, 0, List.of(), d -> d, i -> 0);
        assertThat(burst(p, 4, 2, "eth0")).containsExactly("0:0", "500:0", "1000:1", "1500:2", "2000:3");
    }

    @Test
    void aVmacIsPacedWithItsBaseAndNeighbourAdvertsApart() {
        GarpPacer p = new GarpPacer(1_000_000, 0, List.of(), d -> d.startsWith("vrrp.") ? "eth0" : d, i -> 0);
        assertThat(p.admit(null, 0, "eth0", false, 0)).isTrue();
        assertThat(p.admit(null, 0, "vrrp.51", false, 10 * MS)).isFalse();
        assertThat(p.admit(null, 1, "eth1", false, 10 * MS)).isTrue();
        assertThat(p.admit(null, 2, "eth0", true, 10 * MS)).as("no gna interval").isTrue();
    }

    @Test
    void aGarpGroupSharesOnePaceAndOverridesTheGlobalGap() {
        GarpPacer p = new GarpPacer(0, 0, List.of(new GarpGroup(200_000, 0, List.of("eth0", "eth1"))), d -> d, i -> 0);
        assertThat(p.active()).isTrue();
        assertThat(p.admit(null, 0, "eth0", false, 0)).isTrue();
        assertThat(p.admit(null, 1, "eth1", false, 100 * MS)).isFalse();
        assertThat(p.admit(null, 2, "eth2", false, 100 * MS)).isTrue();
        assertThat(p.nextWake()).isEqualTo(200 * MS);
    }
}
