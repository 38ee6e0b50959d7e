package io.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.harness.Daemon;
import io.jkeepalived.harness.NetLab;
import io.jkeepalived.harness.Netns;
import io.jkeepalived.harness.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The case every keepalived guide describes, against Debian's keepalived 2.2.7 in both roles: A (priority
 * 80, a vrrp_script of weight -20) and B (priority 70). The script's result is a file the test creates and
 * removes. A's script fails: A drops to 60 and B becomes MASTER; it recovers: A preempts back, or with
 * nopreempt stays BACKUP. A's log lines are asserted the same whichever implementation A is. Then
 * track_file driving priority and FAULT against keepalived.
 */
@Tag("integration")
class TrackScriptInteropTest {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Longer than B's master-down interval (3 × 1 s + skew): a preemption would have happened by then. */
    private static final Duration HOLD = Duration.ofSeconds(6);
    private static final String VIP = "10.99.1.100";

    @RegisterExtension
    final NetLab lab = new NetLab();

    enum Roles {
        A_JKEEPALIVED_B_KEEPALIVED(true, false),
        A_KEEPALIVED_B_JKEEPALIVED(false, true);

        final boolean aIsJava;
        final boolean bIsJava;

        Roles(boolean aIsJava, boolean bIsJava) {
            this.aIsJava = aIsJava;
            this.bIsJava = bIsJava;
        }
    }

    private Daemon start(boolean java, Netns ns, Path conf) {
        return java ? lab.jkeepalived(ns, conf) : lab.keepalived(ns, conf);
    }

    private static String instance(int priority, String extra) {
        return """
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 51
                    priority %d
                    advert_int 1
                    %s
                    virtual_ipaddress {
                        %s/24
                    }
                }
                """.formatted(priority, extra, VIP);
    }

    private static void line(Daemon d, int mark, String text) {
        d.process().waitForLine(Pattern.compile(Pattern.quote(text)), WAIT, mark);
    }

    private static void touch(Path p) {
        try {
            Files.writeString(p, "fail\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void guide(Roles roles, boolean nopreempt) {
        List<Netns> hosts = lab.hostsOnLan(2);
        Netns a = hosts.get(0);
        Netns b = hosts.get(1);
        Path fail = lab.dir().resolve("chk.fail");
        String script = """
                vrrp_script chk {
                    script "/usr/bin/test ! -e %s"
                    interval 1
                    weight -20
                }
                """.formatted(fail);
        Path aConf = lab.writeFile("a.conf", script + instance(80, (nopreempt ? "nopreempt\n" : "")
                + "track_script {\n        chk\n    }"));
        Path bConf = lab.writeFile("b.conf", instance(70, ""));

        Daemon da = start(roles.aIsJava, a, aConf);
        da.waitForLine("VRRP_Script(chk) succeeded", START);
        da.waitForLine("(VI_1) Entering MASTER STATE", START);
        Daemon db = start(roles.bIsJava, b, bConf);
        db.waitForLine("(VI_1) Entering BACKUP STATE", START);
        Poll.until("VIP on A alone", WAIT, () -> a.hasAddress("eth0", VIP) && !b.hasAddress("eth0", VIP));

        int markA = da.process().mark();
        int markB = db.process().mark();
        touch(fail);
        line(da, markA, "Script `chk` now returning 1");
        line(da, markA, "VRRP_Script(chk) failed (exited with status 1)");
        line(da, markA, "(VI_1) Changing effective priority from 80 to 60");
        line(db, markB, "(VI_1) Entering MASTER STATE");
        line(da, markA, "(VI_1) Master received advert from 10.99.1.2 with higher priority 70, ours 60");
        line(da, markA, "(VI_1) Entering BACKUP STATE");
        Poll.until("VIP moved to B", WAIT, () -> b.hasAddress("eth0", VIP) && !a.hasAddress("eth0", VIP));

        markA = da.process().mark();
        markB = db.process().mark();
        delete(fail);
        line(da, markA, "Script `chk` now returning 0");
        line(da, markA, "VRRP_Script(chk) succeeded");
        line(da, markA, "(VI_1) Changing effective priority from 60 to 80");
        if (!nopreempt) {
            line(da, markA, "(VI_1) Entering MASTER STATE");
            line(db, markB, "(VI_1) Master received advert from 10.99.1.1 with higher priority 80, ours 70");
            Poll.until("VIP back on A", WAIT, () -> a.hasAddress("eth0", VIP) && !b.hasAddress("eth0", VIP));
        } else {
            boolean preempted = Poll.tryUntil(HOLD, () -> a.hasAddress("eth0", VIP));
            assertThat(preempted).as("a nopreempt BACKUP took the VIP back").isFalse();
            assertThat(b.hasAddress("eth0", VIP)).isTrue();
            assertThat(da.process().linesSince(markA))
                    .noneMatch(l -> l.contains("Entering MASTER STATE"));
        }
    }

    @ParameterizedTest
    @EnumSource(Roles.class)
    void aFailingScriptHandsMasterToBAndItsRecoveryPreemptsBack(Roles roles) {
        guide(roles, false);
    }

    @ParameterizedTest
    @EnumSource(Roles.class)
    void withNopreemptARecoveredBackupLeavesBMaster(Roles roles) {
        guide(roles, true);
    }

    @ParameterizedTest
    @EnumSource(Roles.class)
    void aTrackFileMovesThePriorityAndWithWeightZeroFaults(Roles roles) {
        List<Netns> hosts = lab.hostsOnLan(2);
        Netns a = hosts.get(0);
        Netns b = hosts.get(1);
        Path prio = lab.writeFile("prio", "0\n");
        Path fault = lab.writeFile("fault", "0\n");
        String files = """
                track_file prio {
                    file "%s"
                    weight -1
                }
                track_file fault {
                    file "%s"
                    weight 0
                }
                """.formatted(prio, fault);
        Path aConf = lab.writeFile("a.conf", files + instance(80, "track_file {\n        prio\n        fault\n    }"));
        Path bConf = lab.writeFile("b.conf", instance(70, ""));
        Daemon da = start(roles.aIsJava, a, aConf);
        da.waitForLine("(VI_1) Entering MASTER STATE", START);
        Daemon db = start(roles.bIsJava, b, bConf);
        db.waitForLine("(VI_1) Entering BACKUP STATE", START);

        int markA = da.process().mark();
        int markB = db.process().mark();
        lab.writeFile("prio", "15\n");
        line(da, markA, "(VI_1) Changing effective priority from 80 to 65");
        line(db, markB, "(VI_1) Entering MASTER STATE");
        Poll.until("VIP moved to B", WAIT, () -> b.hasAddress("eth0", VIP) && !a.hasAddress("eth0", VIP));

        markA = da.process().mark();
        markB = db.process().mark();
        lab.writeFile("prio", "0\n");
        line(da, markA, "(VI_1) Changing effective priority from 65 to 80");
        line(da, markA, "(VI_1) Entering MASTER STATE");
        Poll.until("VIP back on A", WAIT, () -> a.hasAddress("eth0", VIP) && !b.hasAddress("eth0", VIP));

        markA = da.process().mark();
        lab.writeFile("fault", "1\n");
        line(da, markA, "(VI_1): tracked file fault now FAULT state");
        line(da, markA, "(VI_1) Entering FAULT STATE");
        Poll.until("B takes over from A in FAULT", WAIT, () -> b.hasAddress("eth0", VIP) && !a.hasAddress("eth0", VIP));
        markA = da.process().mark();
        delete(fault);
        line(da, markA, "(VI_1): tracked file fault leaving FAULT state");
        line(da, markA, "(VI_1) Entering BACKUP STATE");
        line(da, markA, "(VI_1) Entering MASTER STATE");
        Poll.until("VIP back on A after FAULT", WAIT, () -> a.hasAddress("eth0", VIP) && !b.hasAddress("eth0", VIP));
    }
}
