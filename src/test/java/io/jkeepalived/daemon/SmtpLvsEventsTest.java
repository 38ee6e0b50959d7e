package io.jkeepalived.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.check.IpvsCommand;
import io.jkeepalived.check.LvsEvents;
import io.jkeepalived.config.model.Script;
import io.jkeepalived.notify.smtp.AlertState;
import io.jkeepalived.notify.smtp.SmtpAlerts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checkers' SMTP alerts reach the mail sender, and everything still reaches the events they had. */
class SmtpLvsEventsTest {
    private final List<String> calls = new ArrayList<>();

    private final LvsEvents inner = new LvsEvents() {
        @Override
        public void log(String line) {
            calls.add("log " + line);
        }

        @Override
        public void ipvs(IpvsCommand command) {
            calls.add("ipvs");
        }

        @Override
        public void notify(Script script) {
            calls.add("notify");
        }

        @Override
        public void smtpAlert(String vs, String rs, String state, String message) {
            calls.add("inner smtp " + state);
        }
    };

    private final SmtpAlerts mail = new SmtpAlerts() {
        @Override
        public void instanceEntered(String instance, AlertState state) {
        }

        @Override
        public void groupEntered(String group, AlertState state) {
        }

        @Override
        public void realServerChanged(String realServer, String virtualServer, boolean up, String body) {
            calls.add("mail rs " + realServer + " of " + virtualServer + " " + up + " " + body);
        }

        @Override
        public void virtualServerChanged(String virtualServer, boolean up, String body) {
            calls.add("mail vs " + virtualServer + " " + up + " " + body);
        }

        @Override
        public void close() {
        }
    };

    @Test
    void realAndVirtualServerAlertsAreMailedAndPassedOn() {
        SmtpLvsEvents e = new SmtpLvsEvents(inner, () -> mail);
        e.log("x");
        e.smtpAlert("[10.99.0.1]:tcp:80", "[10.99.0.2]:tcp:80", "DOWN", "=> TCP CHECK failed on service <=");
        e.smtpAlert("[10.99.0.1]:tcp:80", null, "UP", "=> quorum up <=");
        assertThat(calls).containsExactly("log x", "inner smtp DOWN",
                "mail rs [10.99.0.2]:tcp:80 of [10.99.0.1]:tcp:80 false => TCP CHECK failed on service <=",
                "inner smtp UP", "mail vs [10.99.0.1]:tcp:80 true => quorum up <=");
    }
}
