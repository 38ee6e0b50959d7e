package io.jkeepalived.notify.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Subjects, bodies and the message text in keepalived 2.2.7's exact words (vrrp_notify.c, smtp.c, smtp.h). */
class SmtpAlertTest {

    @Test
    void instanceTransitionsUseKeepalivedsSubjectsAndBodies() {
        assertThat(SmtpAlert.instance("r1", "VI_1", AlertState.MASTER)).isEqualTo(new SmtpAlert(
                "[r1] VRRP Instance VI_1 - Entering MASTER state", "=> VRRP Instance is now owning VRRP VIPs <="));
        assertThat(SmtpAlert.instance("r1", "VI_1", AlertState.BACKUP)).isEqualTo(new SmtpAlert(
                "[r1] VRRP Instance VI_1 - Entering BACKUP state", "=> VRRP Instance is no longer owning VRRP VIPs <="));
        assertThat(SmtpAlert.instance("r1", "VI_1", AlertState.FAULT)).isEqualTo(new SmtpAlert(
                "[r1] VRRP Instance VI_1 - Entering FAULT state", "=> VRRP Instance is no longer owning VRRP VIPs <="));
        assertThat(SmtpAlert.instance("r1", "VI_1", AlertState.STOP)).isEqualTo(new SmtpAlert(
                "[r1] VRRP Instance VI_1 - Stopping", "=> VRRP Instance stopping <="));
        assertThat(SmtpAlert.instance("r1", "VI_1", AlertState.DELETED)).isEqualTo(new SmtpAlert(
                "[r1] VRRP Instance VI_1 - Deleted", "=> VRRP Deleted at reload <="));
    }

    @Test
    void groupTransitionsUseKeepalivedsSubjectsAndBodies() {
        assertThat(SmtpAlert.group("r1", "G1", AlertState.MASTER)).contains(new SmtpAlert(
                "[r1] VRRP Group G1 - Entering MASTER state", "=> All VRRP group instances are now in MASTER state <="));
        assertThat(SmtpAlert.group("r1", "G1", AlertState.BACKUP)).contains(new SmtpAlert(
                "[r1] VRRP Group G1 - Entering BACKUP state", "=> All VRRP group instances are now in BACKUP state <="));
        assertThat(SmtpAlert.group("r1", "G1", AlertState.FAULT)).contains(new SmtpAlert(
                "[r1] VRRP Group G1 - Entering FAULT state", "=> All VRRP group instances are now in FAULT state <="));
        assertThat(SmtpAlert.group("r1", "G1", AlertState.STOP)).contains(new SmtpAlert(
                "[r1] VRRP Group G1 - Stopping", "=> All VRRP group instances are now stopping <="));
        assertThat(SmtpAlert.group("r1", "G1", AlertState.DELETED)).isEmpty();
    }

    @Test
    void checkerAlertsNameRealAndVirtualServer() {
        assertThat(SmtpAlert.realServer("r1", "[10.99.0.2]:tcp:80", "[10.99.0.1]:tcp:80", false,
                "=> TCP CHECK failed on service <=")).isEqualTo(new SmtpAlert(
                "[r1] Realserver [10.99.0.2]:tcp:80 of virtual server [10.99.0.1]:tcp:80 - DOWN",
                "=> TCP CHECK failed on service <="));
        assertThat(SmtpAlert.realServerRemoved("r1", "[10.99.0.2]:tcp:80", "[10.99.0.1]:tcp:80", true).body())
                .isEqualTo("=> Shutting down <=");
        assertThat(SmtpAlert.virtualServer("r1", "[10.99.0.1]:tcp:80", true, "=> x <=").subject())
                .isEqualTo("[r1] Virtualserver [10.99.0.1]:tcp:80 - UP");
    }

    @Test
    void subjectAndBodyAreCutAtKeepalivedsBufferSizes() {
        SmtpAlert a = new SmtpAlert("s".repeat(300), "b".repeat(600));
        assertThat(a.subject()).hasSize(255);
        assertThat(a.body()).hasSize(511);
    }

    @Test
    void dateIsRfc822InTheLocalZoneWithNumericOffset() {
        ZonedDateTime t = ZonedDateTime.of(2021, 3, 1, 9, 44, 8, 0, ZoneOffset.ofHours(1));
        assertThat(SmtpMessage.DATE.format(t)).isEqualTo("Mon, 01 Mar 2021 09:44:08 +0100");
        ZonedDateTime t2 = ZonedDateTime.of(2026, 7, 4, 23, 5, 0, 0, ZoneOffset.ofHoursMinutes(-5, -30));
        assertThat(SmtpMessage.DATE.format(t2)).isEqualTo("Sat, 04 Jul 2026 23:05:00 -0530");
    }

    @Test
    void messageWithoutSenderSaysNullAsGlibcPrintfDoes() {
        String d = SmtpMessage.data(ZonedDateTime.of(2021, 3, 1, 9, 44, 8, 0, ZoneOffset.UTC), null,
                new SmtpAlert("S", "B"), List.of("x@y"));
        assertThat(d).isEqualTo("Date: Mon, 01 Mar 2021 09:44:08 +0000\r\nFrom: (null)\r\nSubject: S\r\n"
                + "X-Mailer: Keepalived\r\nTo: x@y\r\n\r\nB\r\n\r\n.\r\n");
    }
}
