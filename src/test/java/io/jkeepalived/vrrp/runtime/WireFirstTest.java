package io.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.vrrp.fsm.GarpReason;
import io.jkeepalived.vrrp.fsm.TransitionReason;
import io.jkeepalived.vrrp.fsm.VrrpDecision;
import io.jkeepalived.vrrp.fsm.VrrpState;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireFirstTest {
    private static final VrrpDecision TIMEOUT_LOG = new VrrpDecision.Log("(VI_1) Receive advertisement timeout");
    private static final VrrpDecision TO_MASTER =
            new VrrpDecision.StateChanged(VrrpState.BACKUP, VrrpState.MASTER, TransitionReason.MASTER_NO_RESPONSE);
    private static final VrrpDecision ADVERT = new VrrpDecision.SendAdvert(100);

    @Test
    void takeOverAdvertOvertakesTheTimeoutLogLineAndTheStateBookkeeping() {
        List<VrrpDecision> batch = List.of(TIMEOUT_LOG, TO_MASTER, ADVERT,
                new VrrpDecision.Log("(VI_1) Entering MASTER STATE"), new VrrpDecision.AddVips(false),
                new VrrpDecision.ArmTimer(5));
        assertThat(WireFirst.advertToHoist(batch)).isEqualTo(2);
    }

    @Test
    void anAdvertAlreadyFirstStaysWhereItIs() {
        assertThat(WireFirst.advertToHoist(List.of(ADVERT, new VrrpDecision.ArmTimer(5)))).isEqualTo(-1);
    }

    @Test
    void anAdvertNeverOvertakesAddressGarpOrNotifyWork() {
        assertThat(WireFirst.advertToHoist(List.of(new VrrpDecision.RemoveVips(false), ADVERT))).isEqualTo(-1);
        assertThat(WireFirst.advertToHoist(List.of(new VrrpDecision.AddVips(false), ADVERT))).isEqualTo(-1);
        assertThat(WireFirst.advertToHoist(List.of(
                new VrrpDecision.SendGratuitousArps(5, 0, GarpReason.values()[0]), ADVERT))).isEqualTo(-1);
        assertThat(WireFirst.advertToHoist(List.of(TIMEOUT_LOG,
                new VrrpDecision.Notify(VrrpState.MASTER, 100), ADVERT))).isEqualTo(-1);
    }

    @Test
    void aBatchWithoutAdvertHasNothingToHoist() {
        assertThat(WireFirst.advertToHoist(List.of(TIMEOUT_LOG, new VrrpDecision.ArmTimer(5)))).isEqualTo(-1);
        assertThat(WireFirst.advertToHoist(List.of())).isEqualTo(-1);
    }
}
