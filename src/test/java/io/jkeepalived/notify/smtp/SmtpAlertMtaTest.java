package io.jkeepalived.notify.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.harness.Capture;
import io.jkeepalived.harness.Daemon;
import io.jkeepalived.harness.NetLab;
import io.jkeepalived.harness.Netns;
import io.jkeepalived.harness.Poll;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 6: jkeepalived's e-mail alerts reach a real mail server (Debian's Exim, started by the test on
 * loopback inside the node's namespace), and while that server hangs or is gone the VRRP adverts keep their
 * one-second rhythm on the wire, the failures being logged in keepalived's words.
 */
@Tag("integration")
class SmtpAlertMtaTest {
    private static final int PORT = 2525;
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final NetLab lab = new NetLab();

    private static final String CONF = """
            global_defs {
                router_id jkt-node
                notification_email {
                    ops@example.com
                    oncall@example.net
                }
                notification_email_from jkeepalived@example.com
                smtp_server 127.0.0.1 %d
                smtp_helo_name node.jkt.test
                smtp_connect_timeout 2
                smtp_alert
            }
            vrrp_instance VI_1 {
                state MASTER
                interface eth0
                virtual_router_id 51
                priority 100
                advert_int 1
                virtual_ipaddress {
                    10.99.1.100/24
                }
            }
            vrrp_instance VI_2 {
                state MASTER
                interface eth1
                virtual_router_id 52
                priority 100
                advert_int 1
                virtual_ipaddress {
                    10.99.8.100/24
                }
            }
            """.formatted(PORT);

    @Test
    void alertsReachARealMtaAndAFailingOneNeverDelaysAdverts() {
        Netns node = lab.hostsOnLan(1).getFirst();
        node.vethPair("eth1", "eth1p");
        node.addAddress("eth1", "10.99.8.1/24");
        EximMta mta = EximMta.start(node, PORT);
        try {
            Daemon j = lab.jkeepalived(node, lab.writeFile("keepalived.conf", CONF));
            j.waitForLine("(VI_1) Entering MASTER STATE", START);

            // 1. the MASTER mail arrives, as keepalived writes it
            String subject = "Subject: [jkt-node] VRRP Instance VI_1 - Entering MASTER state";
            Poll.until(() -> "the MASTER alert in Exim's mailbox; mailbox:\n" + mta.mailbox() + "\nexim log:\n"
                    + mta.mainLog() + "\njkeepalived:\n" + j.process().tail(30), WAIT, () -> mta.mailbox().contains(subject));
            String box = mta.mailbox();
            assertThat(box).contains("Subject: [jkt-node] VRRP Instance VI_1 - Entering BACKUP state",
                    "X-Mailer: Keepalived", "From: jkeepalived@example.com", "To: ops@example.com, oncall@example.net",
                    "=> VRRP Instance is now owning VRRP VIPs <=", "helo=node.jkt.test", "envelope-from <jkeepalived@example.com>");
            assertThat(mta.mainLog()).contains("=> ops <ops@example.com>", "=> oncall <oncall@example.net>");
            assertThat(j.process().output()).contains("Remote SMTP server [127.0.0.1]:" + PORT + " connected.",
                    "SMTP alert successfully sent.");
            j.waitForLine("(VI_2) Entering MASTER STATE", START);

            Capture wire = node.capture("eth0", "ip", "proto", "112");
            int mark = j.process().mark();

            // 2. a hung server (frozen: the kernel still accepts, nobody answers): each alert waits out
            //    smtp_connect_timeout twice, on the sender's thread only
            mta.process().signal("STOP");
            node.down("eth1");
            j.process().waitForLine(Pattern.compile(Pattern.quote("(VI_2) Entering FAULT STATE")), WAIT, mark);
            j.process().waitForLine(Pattern.compile(Pattern.quote(
                    "Timeout reading data to remote SMTP server [127.0.0.1]:" + PORT + ".")), WAIT, mark);

            // 3. the server gone altogether: connections are refused
            mta.process().kill();
            int gone = j.process().mark();
            node.up("eth1");
            j.process().waitForLine(Pattern.compile(Pattern.quote("(VI_2) Entering MASTER STATE")), WAIT, mark);
            j.process().waitForLine(Pattern.compile("smtp fd \\d+ returned write error"), WAIT, gone);
            // and a few more adverts with the server still gone
            Poll.until("ten VI_1 adverts on the wire since the MTA hung", WAIT, () -> vi1Times(wire).size() >= 10);
            wire.stop();

            // VI_1's adverts all along: every gap near its 1 s advert_int, far below smtp_connect_timeout
            List<Double> times = vi1Times(wire);
            List<Double> gaps = new ArrayList<>();
            for (int i = 1; i < times.size(); i++) gaps.add(times.get(i) - times.get(i - 1));
            assertThat(gaps).as("seconds between VI_1 adverts").allSatisfy(g -> assertThat(g).isBetween(0.5, 1.6));
            assertThat(j.process().linesSince(mark))
                    .as("VI_1 stayed MASTER").noneMatch(l -> l.contains("(VI_1) Entering"));
        } finally {
            mta.close();
        }
    }

    /** Capture times (epoch seconds) of VI_1's adverts. */
    private static List<Double> vi1Times(Capture wire) {
        List<Double> times = new ArrayList<>();
        for (String line : wire.packets("-tt")) {
            if (line.contains("vrid 51")) times.add(Double.parseDouble(line.substring(0, line.indexOf(' '))));
        }
        return times;
    }
}
