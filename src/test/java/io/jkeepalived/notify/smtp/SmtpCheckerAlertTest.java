package io.jkeepalived.notify.smtp;

import io.jkeepalived.harness.Daemon;
import io.jkeepalived.harness.LabProcess;
import io.jkeepalived.harness.NetLab;
import io.jkeepalived.harness.Netns;
import io.jkeepalived.harness.Packages;
import io.jkeepalived.harness.Poll;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A health checker's verdicts are mailed as keepalived's check_tcp.c mails them: a real server that stops
 * answering is "DOWN" with "=> TCP CHECK failed on service <=", and "UP" again when it is back (a real
 * server's smtp_alert is on unless said otherwise). keepalived 2.2.7 cannot be the reference here: it stops
 * without IPVS, which this kernel lacks.
 */
@Tag("integration")
class SmtpCheckerAlertTest {
    private static final int PORT = 2525;
    private static final Duration WAIT = Duration.ofSeconds(45);

    @RegisterExtension
    final NetLab lab = new NetLab();

    private static final String CONF = """
            global_defs {
                router_id jkt-lvs
                notification_email {
                    ops@example.com
                }
                notification_email_from lvs@example.com
                smtp_server 127.0.0.1 %d
                smtp_connect_timeout 5
            }
            virtual_server 10.99.10.100 80 {
                delay_loop 1
                lb_algo rr
                lb_kind NAT
                protocol TCP
                real_server 10.99.10.1 8080 {
                    TCP_CHECK {
                        connect_timeout 1
                    }
                }
            }
            """.formatted(PORT);

    private static LabProcess web(Netns ns) {
        LabProcess p = ns.start("web-" + ns.name(), "python3", "-u", "-m", "http.server", "8080", "--bind", "10.99.10.1");
        p.waitForLine("Serving HTTP", Duration.ofSeconds(30));
        return p;
    }

    @Test
    void realServerDownAndUpAreMailed() {
        Packages.require("python3", "python3");
        Netns node = lab.namespace("lvs");
        node.vethPair("eth0", "eth0p");
        node.addAddress("eth0", "10.99.10.1/24");
        EximMta mta = EximMta.start(node, PORT);
        try {
            LabProcess server = web(node);
            Daemon j = lab.jkeepalived(node, lab.writeFile("keepalived.conf", CONF));
            String rs = "Realserver [10.99.10.1]:tcp:8080 of virtual server [10.99.10.100]:tcp:80";
            j.waitForLine("Activating healthchecker for service [10.99.10.1]:tcp:8080", WAIT);

            server.kill();
            j.waitForLine("TCP_CHECK on service [10.99.10.1]:tcp:8080 failed.", WAIT);
            Poll.until(() -> "the DOWN mail; mailbox:\n" + mta.mailbox() + "\nexim log:\n" + mta.mainLog()
                    + "\njkeepalived:\n" + j.process().tail(30), WAIT,
                    () -> mta.mailbox().contains("Subject: [jkt-lvs] " + rs + " - DOWN")
                            && mta.mailbox().contains("=> TCP CHECK failed on service <="));

            web(node);
            Poll.until(() -> "the UP mail; mailbox:\n" + mta.mailbox() + "\njkeepalived:\n" + j.process().tail(30), WAIT,
                    () -> mta.mailbox().contains("Subject: [jkt-lvs] " + rs + " - UP")
                            && mta.mailbox().contains("=> TCP CHECK succeed on service <="));
        } finally {
            mta.close();
        }
    }
}
