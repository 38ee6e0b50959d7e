package io.jkeepalived.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.notify.Notifier;
import io.jkeepalived.notify.NotifyState;
import io.jkeepalived.script.RunAs;
import io.jkeepalived.script.ScriptRunner;
import io.jkeepalived.vrrp.fsm.VrrpState;
import io.jkeepalived.vrrp.runtime.VrrpListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotifyListenerTest {
    @Test
    void statesMapToNotifyWordsAndInitIsNotAnnounced() {
        assertThat(NotifyListener.of(VrrpState.MASTER)).isEqualTo(NotifyState.MASTER);
        assertThat(NotifyListener.of(VrrpState.STOP)).isEqualTo(NotifyState.STOP);
        assertThat(NotifyListener.of(VrrpState.INIT)).isNull();
    }

    @Test
    void everyTransitionGoesOnToTheNextListenerAfterTheScripts() {
        List<String> seen = new ArrayList<>();
        VrrpListener next = new VrrpListener() {
            @Override
            public void instanceState(String instance, VrrpState state, int priority) {
                seen.add(instance + " " + state + " " + priority);
            }

            @Override
            public void groupState(String group, VrrpState state, int priority) {
                seen.add(group + " " + state);
            }

            @Override
            public void masterRxLowerPri(String instance, int priority) {
                seen.add(instance + " rx " + priority);
            }
        };
        try (ScriptRunner runner = new ScriptRunner(RunAs.ROOT)) {
            Notifier n = new Notifier(Map.of(), Map.of(), Map.of(), List.of(), runner, Duration.ofSeconds(1));
            NotifyListener l = new NotifyListener(n, next);
            l.instanceState("VI_1", VrrpState.MASTER, 100);
            l.groupState("G", VrrpState.BACKUP, 0);
            l.masterRxLowerPri("VI_1", 100);
        }
        assertThat(seen).containsExactly("VI_1 MASTER 100", "G BACKUP", "VI_1 rx 100");
    }
}
