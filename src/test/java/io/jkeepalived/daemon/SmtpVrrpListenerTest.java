package io.jkeepalived.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.notify.smtp.AlertState;
import io.jkeepalived.notify.smtp.SmtpAlerts;
import io.jkeepalived.vrrp.fsm.VrrpState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The VRRP runtime's transitions reach the e-mail alerts; INIT is never mailed; a reload swaps the alerts. */
class SmtpVrrpListenerTest {
    private static final class Recorder implements SmtpAlerts {
        final List<String> calls = new ArrayList<>();

        @Override
        public void instanceEntered(String instance, AlertState state) {
            calls.add("instance " + instance + " " + state);
        }

        @Override
        public void groupEntered(String group, AlertState state) {
            calls.add("group " + group + " " + state);
        }

        @Override
        public void realServerChanged(String realServer, String virtualServer, boolean up, String body) {
            calls.add("rs");
        }

        @Override
        public void virtualServerChanged(String virtualServer, boolean up, String body) {
            calls.add("vs");
        }

        @Override
        public void close() {
            calls.add("closed");
        }
    }

    @Test
    void transitionsAreHandedOverWithTheirState() {
        Recorder r = new Recorder();
        SmtpVrrpListener l = new SmtpVrrpListener(r);
        l.instanceState("VI_1", VrrpState.INIT, 100);
        l.instanceState("VI_1", VrrpState.BACKUP, 100);
        l.instanceState("VI_1", VrrpState.MASTER, 100);
        l.instanceState("VI_1", VrrpState.FAULT, 0);
        l.groupState("G", VrrpState.MASTER, 0);
        l.instanceState("VI_1", VrrpState.STOP, 100);
        assertThat(r.calls).containsExactly("instance VI_1 BACKUP", "instance VI_1 MASTER", "instance VI_1 FAULT",
                "group G MASTER", "instance VI_1 STOP");
    }

    @Test
    void afterASwapTransitionsGoToTheNewAlerts() {
        Recorder before = new Recorder();
        Recorder after = new Recorder();
        SmtpVrrpListener l = new SmtpVrrpListener(before);
        assertThat(l.swap(after)).isSameAs(before);
        l.instanceState("VI_1", VrrpState.MASTER, 100);
        assertThat(before.calls).isEmpty();
        assertThat(after.calls).containsExactly("instance VI_1 MASTER");
    }
}
