package io.jkeepalived.notify.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.ConfigLoader;
import io.jkeepalived.config.LoadOptions;
import io.jkeepalived.config.model.KeepalivedConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which transitions are mailed, and the settings' defaults (vrrp_notify.c, vrrp.c, global_data.c). */
class SmtpAlerterTest {
    @TempDir
    Path dir;

    private final List<String> subjects = new CopyOnWriteArrayList<>();
    private final AtomicReference<SmtpSettings> settings = new AtomicReference<>();

    private static final String INSTANCES = """
            vrrp_instance VI_ON {
              interface eth0
              virtual_router_id 1
              smtp_alert
              virtual_ipaddress {
                10.99.0.100
              }
            }
            vrrp_instance VI_OFF {
              interface eth0
              virtual_router_id 2
              smtp_alert false
              virtual_ipaddress {
                10.99.0.101
              }
            }
            vrrp_instance VI_DEFAULT {
              interface eth0
              virtual_router_id 3
              virtual_ipaddress {
                10.99.0.102
              }
            }
            vrrp_sync_group G_DEFAULT {
              group {
                VI_DEFAULT
              }
            }
            """;

    private KeepalivedConfig load(String globals) throws Exception {
        Path f = Files.writeString(dir.resolve("keepalived.conf"), "global_defs {\n" + globals + "}\n" + INSTANCES);
        return ConfigLoader.load(LoadOptions.of(f).withInterfaces(n -> n.equals("eth0")), d -> { }).config();
    }

    /** Closing the alerts lets the queued mails go first: after the try block every mail is in {@code subjects}. */
    private SmtpAlerts alerts(String globals) throws Exception {
        return SmtpAlerter.of(load(globals), false, l -> { }, s -> {
            settings.set(s);
            return a -> subjects.add(a.subject());
        });
    }

    private static final String MAIL = """
              router_id R
              notification_email {
                ops@example.com
              }
              smtp_server 10.99.0.25
            """;

    @Test
    void noServerOrNoRecipientMeansNoMailAtAll() throws Exception {
        assertThat(alerts("router_id R\nsmtp_alert\nsmtp_server 10.99.0.25\n")).isSameAs(SmtpAlerts.NONE);
        assertThat(alerts("router_id R\nsmtp_alert\nnotification_email {\n a@b\n}\n")).isSameAs(SmtpAlerts.NONE);
    }

    @Test
    void onlyInstancesWithSmtpAlertOnAreMailed() throws Exception {
        try (SmtpAlerts a = alerts(MAIL)) {
            a.instanceEntered("VI_OFF", AlertState.MASTER);
            a.instanceEntered("VI_DEFAULT", AlertState.MASTER);
            a.groupEntered("G_DEFAULT", AlertState.MASTER);
            a.instanceEntered("VI_ON", AlertState.MASTER);
        }
        assertThat(subjects).containsExactly("[R] VRRP Instance VI_ON - Entering MASTER state");
    }

    @Test
    void globalSmtpAlertVrrpDecidesForThoseWithoutTheirOwn() throws Exception {
        try (SmtpAlerts a = alerts(MAIL + "smtp_alert false\nsmtp_alert_vrrp true\n")) {
            a.instanceEntered("VI_OFF", AlertState.MASTER);
            a.instanceEntered("VI_DEFAULT", AlertState.BACKUP);
            a.groupEntered("G_DEFAULT", AlertState.BACKUP);
        }
        assertThat(subjects).containsExactly("[R] VRRP Instance VI_DEFAULT - Entering BACKUP state",
                "[R] VRRP Group G_DEFAULT - Entering BACKUP state");
    }

    @Test
    void globalSmtpAlertAppliesWhenSmtpAlertVrrpIsUnset() throws Exception {
        try (SmtpAlerts a = alerts(MAIL + "smtp_alert\n")) {
            a.instanceEntered("VI_DEFAULT", AlertState.FAULT);
        }
        assertThat(subjects).containsExactly("[R] VRRP Instance VI_DEFAULT - Entering FAULT state");
    }

    @Test
    void aStateIsMailedOnceUntilAnotherHasBeen() throws Exception {
        try (SmtpAlerts a = alerts(MAIL)) {
            a.instanceEntered("VI_ON", AlertState.BACKUP);
            a.instanceEntered("VI_ON", AlertState.BACKUP);
            a.instanceEntered("VI_ON", AlertState.MASTER);
            a.instanceEntered("VI_ON", AlertState.BACKUP);
            a.instanceEntered("VI_ON", AlertState.STOP);
        }
        assertThat(subjects).containsExactly("[R] VRRP Instance VI_ON - Entering BACKUP state",
                "[R] VRRP Instance VI_ON - Entering MASTER state", "[R] VRRP Instance VI_ON - Entering BACKUP state",
                "[R] VRRP Instance VI_ON - Stopping");
    }

    @Test
    void noEmailFaultsSkipsFaultsWithoutForgettingTheLastMailedState() throws Exception {
        try (SmtpAlerts a = alerts(MAIL + "no_email_faults\n")) {
            a.instanceEntered("VI_ON", AlertState.MASTER);
            a.instanceEntered("VI_ON", AlertState.FAULT);
            a.instanceEntered("VI_ON", AlertState.MASTER);
            a.instanceEntered("VI_ON", AlertState.BACKUP);
        }
        assertThat(subjects).containsExactly("[R] VRRP Instance VI_ON - Entering MASTER state",
                "[R] VRRP Instance VI_ON - Entering BACKUP state");
    }

    @Test
    void realServerAlertsGoOutAsTheCheckerAsks() throws Exception {
        try (SmtpAlerts a = alerts(MAIL)) {
            a.realServerChanged("[10.99.0.2]:tcp:80", "[10.99.0.1]:tcp:80", false, "=> TCP CHECK failed on service <=");
        }
        assertThat(subjects).containsExactly("[R] Realserver [10.99.0.2]:tcp:80 of virtual server [10.99.0.1]:tcp:80 - DOWN");
    }

    @Test
    void settingsTakeKeepalivedsDefaults() throws Exception {
        alerts(MAIL).close();
        SmtpSettings s = settings.get();
        assertThat(s.host()).isEqualTo("10.99.0.25");
        assertThat(s.port()).isEqualTo(25);
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.recipients()).containsExactly("ops@example.com");
        String local = SmtpSettings.localName();
        assertThat(s.heloName()).isEqualTo(local != null ? local : "localhost");
        if (local != null) assertThat(s.from()).isEqualTo(System.getProperty("user.name") + "@" + local);
    }

    @Test
    void settingsTakeWhatIsConfigured() throws Exception {
        alerts("""
                notification_email {
                  a@example.com
                  b@example.com
                }
                notification_email_from kf@example.com
                smtp_server fd00:99::25 2525
                smtp_helo_name helo.example.com
                smtp_connect_timeout 7
                """).close();
        SmtpSettings s = settings.get();
        assertThat(s).isEqualTo(new SmtpSettings("fd00:99::25", 2525, "helo.example.com", "kf@example.com",
                List.of("a@example.com", "b@example.com"), Duration.ofSeconds(7), s.routerId(), false));
        String local = SmtpSettings.localName();
        assertThat(s.routerId()).isEqualTo(local != null ? local : "unknown");
    }
}
