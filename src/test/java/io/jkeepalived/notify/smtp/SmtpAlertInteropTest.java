package io.jkeepalived.notify.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.harness.Daemon;
import io.jkeepalived.harness.NetLab;
import io.jkeepalived.harness.Netns;
import io.jkeepalived.harness.Poll;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * keepalived 2.2.7 and jkeepalived, each in its own namespace with its own Exim, run the same configuration:
 * the mails their transitions produce are the same once the parts that differ by nature (the Received line
 * Exim adds, the Date) are set aside, and Exim logs the same envelope and size for both.
 */
@Tag("integration")
class SmtpAlertInteropTest {
    private static final int PORT = 2525;
    private static final Duration START = Duration.ofSeconds(60);

    @RegisterExtension
    final NetLab lab = new NetLab();

    private static final String CONF = """
            global_defs {
                router_id interop-node
                notification_email {
                    ops@example.com
                    second@example.org
                }
                notification_email_from keepalived@example.com
                smtp_server 127.0.0.1 %d
                smtp_helo_name node.jkt.test
                smtp_connect_timeout 5
            }
            vrrp_instance VI_1 {
                state MASTER
                interface eth0
                virtual_router_id 51
                priority 100
                advert_int 1
                smtp_alert
                virtual_ipaddress {
                    10.99.9.100/24
                }
            }
            """.formatted(PORT);

    private record Run(EximMta mta, Daemon daemon) {}

    private Run run(boolean java, Path conf) {
        Netns ns = lab.namespace(java ? "jkeepalived" : "keepalived");
        ns.vethPair("eth0", "eth0p");
        ns.addAddress("eth0", "10.99.9.1/24");
        EximMta mta = EximMta.start(ns, PORT);
        Daemon d = java ? lab.jkeepalived(ns, conf) : lab.keepalived(ns, conf);
        return new Run(mta, d);
    }

    @Test
    void bothSendTheSameMailsForTheSameTransitions() {
        Path conf = lab.writeFile("keepalived.conf", CONF);
        Run k = run(false, conf);
        Run j = run(true, conf);
        try {
            String master = "Subject: [interop-node] VRRP Instance VI_1 - Entering MASTER state";
            for (Run r : List.of(k, j)) {
                r.daemon().waitForLine("(VI_1) Entering MASTER STATE", START);
                Poll.until(() -> "the MASTER mail from " + r.daemon().process().name() + "; mailbox:\n"
                        + r.mta().mailbox() + "\nexim log:\n" + r.mta().mainLog(), START,
                        // two transitions (BACKUP at start, MASTER), one delivery per recipient each
                        () -> r.mta().mailbox().contains(master) && messages(r.mta().mailbox()).size() >= 4);
            }

            List<String> fromKeepalived = messages(k.mta().mailbox());
            List<String> fromJava = messages(j.mta().mailbox());
            assertThat(fromJava).as("jkeepalived's mails, keepalived's first").isEqualTo(fromKeepalived);
            assertThat(fromJava).hasSize(4);
            assertThat(arrivals(j.mta().mainLog())).hasSize(2).isEqualTo(arrivals(k.mta().mainLog()));
            assertThat(j.daemon().process().output()).contains("Remote SMTP server [127.0.0.1]:" + PORT + " connected.",
                    "SMTP alert successfully sent.");
            assertThat(k.daemon().process().output()).contains("Remote SMTP server [127.0.0.1]:" + PORT + " connected.",
                    "SMTP alert successfully sent.");
        } finally {
            k.mta().close();
            j.mta().close();
        }
    }

    @Test
    void bothLogTheSameFailuresForADeadAndARefusingServer() {
        // 10.99.9.9 has a neighbour entry nobody answers for: the SYNs go out and vanish
        String dead = CONF.replace("smtp_server 127.0.0.1 " + PORT, "smtp_server 10.99.9.9")
                .replace("smtp_connect_timeout 5", "smtp_connect_timeout 1");
        // nothing listens on 127.0.0.1:2526: refused
        String refusing = CONF.replace("smtp_server 127.0.0.1 " + PORT, "smtp_server 127.0.0.1 2526");
        for (boolean java : List.of(false, true)) {
            Netns ns = lab.namespace(java ? "jkeepalived" : "keepalived");
            ns.vethPair("eth0", "eth0p");
            ns.addAddress("eth0", "10.99.9.1/24");
            ns.run("ip", "neigh", "add", "10.99.9.9", "lladdr", "02:00:00:99:09:09", "dev", "eth0", "nud", "permanent");
            Daemon d = java ? lab.jkeepalived(ns, lab.writeFile("dead-" + java + ".conf", dead))
                    : lab.keepalived(ns, lab.writeFile("dead-" + java + ".conf", dead));
            d.waitForLine("Timeout opening connection to remote SMTP server [10.99.9.9]:25.", START);
            d.stop(Duration.ofSeconds(10));
            Netns ns2 = lab.namespace(java ? "jkeepalived" : "keepalived");
            ns2.vethPair("eth0", "eth0p");
            ns2.addAddress("eth0", "10.99.9.1/24");
            Daemon r = java ? lab.jkeepalived(ns2, lab.writeFile("refusing-" + java + ".conf", refusing))
                    : lab.keepalived(ns2, lab.writeFile("refusing-" + java + ".conf", refusing));
            r.process().waitForLine(Pattern.compile("smtp fd \\d+ returned write error$"), START);
            r.stop(Duration.ofSeconds(10));
        }
    }

    /** The mbox's messages without mbox separator, Exim's Received header and the Date value. */
    static List<String> messages(String mbox) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = null;
        boolean inReceived = false;
        for (String line : mbox.split("\n", -1)) {
            if (line.startsWith("From ")) {
                if (cur != null) out.add(cur.toString());
                cur = new StringBuilder();
                continue;
            }
            if (cur == null) continue;
            if (line.startsWith("Received:")) {
                inReceived = true;
                continue;
            }
            if (inReceived && (line.startsWith("\t") || line.startsWith(" "))) continue;
            inReceived = false;
            cur.append(line.startsWith("Date: ") ? "Date: (date)" : line).append('\n');
        }
        if (cur != null) out.add(cur.toString());
        return out;
    }

    /** Exim's arrival lines without time and message id: envelope sender, HELO, protocol, size. */
    static List<String> arrivals(String mainLog) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\S+ \\S+ \\S+ (<= .*)$").matcher(mainLog);
        while (m.find()) out.add(m.group(1));
        return out;
    }
}
